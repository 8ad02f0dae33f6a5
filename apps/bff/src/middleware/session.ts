import { sessionsRepository, usersRepository } from '@tandem/storage';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';
import { sessionCookie, sessionIdFor } from '../lib/session-tokens.ts';

/** A session's last use is written at most this often (most requests only read it). */
const TOUCH_EVERY_MS = 60_000;

/**
 * Loads the session named by the cookie, if any, into `c.var.session`: one that has expired or
 * has not been used for SESSION_IDLE_MINUTES is ignored (the request is then anonymous).
 */
export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  const { database, env, now } = c.var.deps;
  const token = getCookie(c, sessionCookie(env).name);
  c.set('session', undefined);
  if (token) {
    const at = now();
    const sessions = sessionsRepository(database.db);
    const row = await sessions.findValid(
      sessionIdFor(token),
      at.toISOString(),
      new Date(at.getTime() - env.SESSION_IDLE_MINUTES * 60_000).toISOString(),
    );
    const user = row && (await usersRepository(database.db).findById(row.userId));
    if (row && user) {
      const staleBefore = new Date(at.getTime() - TOUCH_EVERY_MS).toISOString();
      if (row.lastSeenAt < staleBefore) {
        await sessions.touch(row.id, at.toISOString(), staleBefore);
      }
      c.set('session', {
        sessionId: row.id,
        csrfToken: row.csrfToken,
        user: { id: user.id, email: user.email, name: user.name },
      });
    }
  }
  await next();
});

export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.session) throw AppError.unauthenticated();
  await next();
});
