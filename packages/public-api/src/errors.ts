/** The public API's one error shape: `{ error: { code, message } }` with an HTTP status. */
import { NotFoundError, ValidationError } from '@tandem/roadmap';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class PublicApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  constructor(status: ContentfulStatusCode, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function toErrorResponse(error: unknown, c: Context): Response {
  if (error instanceof PublicApiError) {
    return c.json({ error: { code: error.code, message: error.message } }, error.status);
  }
  if (error instanceof NotFoundError)
    return c.json({ error: { code: 'not_found', message: error.message } }, 404);
  if (error instanceof ValidationError)
    return c.json({ error: { code: 'invalid', message: error.message } }, 422);
  return c.json({ error: { code: 'internal', message: 'Something went wrong' } }, 500);
}
