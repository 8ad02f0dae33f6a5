/**
 * Rally's error strings → `RemoteError`. Rally reports business errors with HTTP 200 and an
 * `Errors` array inside the envelope, so the kind is read from the text as much as the status.
 */
import {
  type FieldError,
  kindForStatus,
  RemoteError,
  type RemoteErrorKind,
} from '@tandem/connector-kit';

const fieldPatterns = [
  /^Validation error:\s*[\w/]+\.(\w+)\b/i,
  /for field \[\s*(\w+)\s*\]/i,
  /^Could not convert:\s*"(\w+)"/i,
];

export function fieldErrorsOf(errors: readonly string[]): FieldError[] {
  return errors.map((message) => {
    const field = fieldPatterns.map((pattern) => pattern.exec(message)?.[1]).find(Boolean);
    return { field: field ?? null, message };
  });
}

function kindOfMessage(message: string): RemoteErrorKind {
  if (
    /not authorized|invalid key|authentication object was not found|password you entered/i.test(
      message,
    )
  ) {
    return 'auth';
  }
  if (
    /cannot find object|object not found|could not find object|cannot delete object|not able to find/i.test(
      message,
    )
  ) {
    return 'not_found';
  }
  if (/concurrency conflict/i.test(message)) return 'conflict';
  if (/permission|not allowed|read-?only/i.test(message)) return 'forbidden';
  return 'validation';
}

export interface RallyErrorInput {
  status: number;
  errors: readonly string[];
  what: string;
  warnings?: readonly string[];
}

export function rallyError({ status, errors, what }: RallyErrorInput): RemoteError {
  const first = errors[0] ?? '';
  const kind: RemoteErrorKind =
    status === 200 || status === 0 ? kindOfMessage(first) : statusKind(status, first);
  const detail = errors.join('; ').slice(0, 500);
  if (kind === 'auth') {
    return new RemoteError(
      'auth',
      `Rally refused the credentials (${what}): re-authorize the integration`,
      {
        status,
        detail,
        retryable: false,
      },
    );
  }
  return new RemoteError(kind, first ? `Rally: ${first}` : `Rally answered ${status} (${what})`, {
    status,
    detail,
    retryable: false,
    ...(kind === 'validation'
      ? { fieldErrors: fieldErrorsOf(errors.length ? errors : [`${what} refused`]) }
      : {}),
  });
}

function statusKind(status: number, message: string): RemoteErrorKind {
  if (status === 400 || status === 422) return message ? kindOfMessage(message) : 'validation';
  return kindForStatus(status);
}
