/** Negotiates the api-version of `_apis` requests and echoes it in the JSON content type. */
import type { MiddlewareHandler } from 'hono';
import { negotiate, RELEASED_VERSION, requestedVersion } from '../api-version.ts';
import type { AppEnv } from '../context.ts';

export function apiVersion(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const v = negotiate(
      requestedVersion(c.req.query('api-version'), c.req.header('accept')),
      c.req.method,
    );
    c.set('apiVersion', v?.raw ?? null);
    await next();
    const type = c.res.headers.get('content-type');
    if (type?.startsWith('application/json'))
      c.res.headers.set(
        'content-type',
        `application/json; charset=utf-8; api-version=${v?.raw ?? RELEASED_VERSION}`,
      );
  };
}
