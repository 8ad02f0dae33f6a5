import { loginRequestSchema, type Session } from '@tandem/contracts';
import { sessionsRepository, usersRepository, workspacesRepository } from '@tandem/storage';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv, SessionContext } from '../app-env.ts';
import { clientAddress } from '../lib/client-address.ts';
import { AppError } from '../lib/errors.ts';
import { DUMMY_HASH, verifyPassword } from '../lib/passwords.ts';
import { newToken, sessionCookie, sessionIdFor } from '../lib/session-tokens.ts';
import { validate } from '../lib/validate.ts';
import { requireSession } from '../middleware/session.ts';

const WRONG_CREDENTIALS = 'Email or password is incorrect';

async function sessionBody(
  c: { var: AppEnv['Variables'] },
  session: SessionContext,
): Promise<Session> {
  const workspaces = await workspacesRepository(c.var.deps.database.db).listForUser(
    session.user.id,
  );
  return {
    user: session.user,
    workspaces: workspaces.map((w) => ({ id: w.id, name: w.name, key: w.key, role: w.role })),
    csrfToken: session.csrfToken,
  };
}

export const authRoutes = new Hono<AppEnv>()
  .post('/login', validate('json', loginRequestSchema), async (c) => {
    const { email, password } = c.req.valid('json');
    const { database, env, now, rateLimits } = c.var.deps;
    const account = email.trim().toLowerCase();
    const address = clientAddress(c);
    // Each attempt takes a hit from its address and its account before the password is checked
    // (so parallel guesses cannot overshoot); a right password hands both back.
    await rateLimits.take(
      [
        ['loginAddress', address],
        ['loginAccount', account],
      ],
      (wait) => `Too many sign-in attempts. Try again in ${wait}.`,
    );

    const user = await usersRepository(database.db).findByEmail(email);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      c.var.log.info({ email }, 'sign-in refused');
      throw AppError.unauthenticated(WRONG_CREDENTIALS);
    }
    await rateLimits.giveBack('loginAddress', address);
    await rateLimits.clear('loginAccount', account);

    const token = newToken();
    const issued = now();
    const expires = new Date(issued.getTime() + env.SESSION_TTL_HOURS * 3600_000);
    const row = await sessionsRepository(database.db).create(
      {
        id: sessionIdFor(token),
        userId: user.id,
        csrfToken: newToken(),
        expiresAt: expires.toISOString(),
      },
      issued.toISOString(),
    );
    const cookie = sessionCookie(env);
    setCookie(c, cookie.name, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: cookie.secure,
      path: '/',
      // Relative, so a browser with a skewed clock keeps it as long as the server does.
      maxAge: env.SESSION_TTL_HOURS * 3600,
    });
    const session = {
      sessionId: row.id,
      csrfToken: row.csrfToken,
      user: { id: user.id, email: user.email, name: user.name },
    };
    return c.json(await sessionBody(c, session), 200);
  })
  .get('/session', requireSession, async (c) => c.json(await sessionBody(c, c.var.session!), 200))
  .post('/logout', async (c) => {
    const session = c.var.session;
    if (session) await sessionsRepository(c.var.deps.database.db).delete(session.sessionId);
    const cookie = sessionCookie(c.var.deps.env);
    deleteCookie(c, cookie.name, { path: '/', secure: cookie.secure });
    return c.body(null, 204);
  });
