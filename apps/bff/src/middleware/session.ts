import { sessionsRepository, usersRepository } from '@tandem/storage';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';
import { SESSION_COOKIE, sessionIdFor } from '../lib/session-tokens.ts';

/** Loads the session named by the cookie, if any, into `c.var.session`. */
export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  c.set('session', undefined);
  if (token) {
    const { database, now } = c.var.deps;
    const row = await sessionsRepository(database.db).findValid(
      sessionIdFor(token),
      now().toISOString(),
    );
    const user = row && (await usersRepository(database.db).findById(row.userId));
    if (row && user) {
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
