import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';

/** `\u0000` in JSON text, not preceded by an escaped backslash (`\\u0000` is text, not NUL). */
const JSON_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/;
const URL_NUL = /%00|\0/;

/**
 * Refuses a NUL character anywhere in the address or in a JSON body, before any route reads it.
 * PostgreSQL cannot store or even compare text holding NUL ("invalid byte sequence for encoding
 * UTF8: 0x00"), so such a value in an id, a query or a name was a 500 there (SQLite took it).
 */
export const refuseNulCharacters = (options: { unlimitedBody: (path: string) => boolean }) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const url = c.req.url;
    if (URL_NUL.test(url.slice(url.indexOf('/', url.indexOf('//') + 2)))) {
      throw new AppError(400, 'bad_request', 'The address contains a NUL character');
    }
    // A body without the JSON size limit (an upload) is not read here; its route refuses JSON.
    const json = /json/i.test(c.req.header('content-type') ?? '');
    if (json && !options.unlimitedBody(c.req.path) && JSON_NUL.test(await c.req.text())) {
      throw AppError.validation(
        [{ path: '(body)', message: 'Text may not contain the NUL character (\\u0000)' }],
        'Text may not contain the NUL character (\\u0000)',
      );
    }
    await next();
  });
