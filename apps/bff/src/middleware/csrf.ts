import { timingSafeEqual } from 'node:crypto';
import { CSRF_HEADER } from '@tandem/contracts';
import { csrf } from 'hono/csrf';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Every mutating request made with a session must carry that session's CSRF token in a header
 * (a cross-site form cannot set headers). Requests without a session are left to their route,
 * which then refuses them as unauthenticated (login has its own origin check).
 */
export const requireCsrfToken = createMiddleware<AppEnv>(async (c, next) => {
  const session = c.var.session;
  if (session && !SAFE_METHODS.has(c.req.method)) {
    const sent = c.req.header(CSRF_HEADER);
    if (!sent || !same(sent, session.csrfToken)) {
      throw new AppError(
        403,
        'csrf_failed',
        'The request is missing a valid CSRF token; reload the page and try again',
      );
    }
  }
  await next();
});

const originCheck = csrf();

/** Hono's origin check for form-encoded posts, answered in our error shape. */
export const refuseCrossSiteForms = createMiddleware<AppEnv>(async (c, next) => {
  try {
    await originCheck(c, next);
  } catch (error) {
    if (error instanceof HTTPException && error.status === 403) {
      throw new AppError(
        403,
        'csrf_failed',
        'Form posts from other sites are refused; the API accepts JSON sent by the Tandem app',
      );
    }
    throw error;
  }
});
