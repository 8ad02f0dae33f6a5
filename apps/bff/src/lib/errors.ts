import type { ErrorBody, ErrorCode, FieldIssue } from '@tandem/contracts';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The one error type of the BFF; `onError` turns it (and anything else) into `ErrorBody`. */
export class AppError extends HTTPException {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(status, { message });
    this.code = code;
    this.details = details;
  }

  static validation(fields: FieldIssue[], message = 'Some fields are not valid'): AppError {
    return new AppError(400, 'validation_failed', message, { fields });
  }
  static notFound(what: string): AppError {
    return new AppError(404, 'not_found', `${what} not found`);
  }
  static forbidden(message = 'You do not have permission to do this'): AppError {
    return new AppError(403, 'forbidden', message);
  }
  static unauthenticated(message = 'Sign in to continue'): AppError {
    return new AppError(401, 'unauthenticated', message);
  }
  static conflict(message: string, details?: Record<string, unknown>): AppError {
    return new AppError(409, 'conflict', message, details);
  }
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

export function toErrorBody(error: unknown): { status: ContentfulStatusCode; body: ErrorBody } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      },
    };
  }
  if (error instanceof HTTPException) {
    const code = CODE_BY_STATUS[error.status] ?? 'internal';
    const message =
      error.status === 400 && /JSON/i.test(error.message)
        ? 'The request body is not valid JSON'
        : error.message || 'Request failed';
    return { status: error.status, body: { error: { code, message } } };
  }
  return {
    status: 500,
    body: { error: { code: 'internal', message: 'Something went wrong on our side' } },
  };
}
