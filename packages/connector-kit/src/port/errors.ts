/**
 * The one error every connector and the transport throw. The sync engine decides what to do
 * from `kind`, `retryable` and `ambiguous` alone; it never parses a remote's error format.
 */

export const remoteErrorKinds = [
  'auth', // the credential is missing, expired or revoked: the user must re-authorize
  'forbidden', // authenticated, but not allowed to do this
  'not_found',
  'validation', // the remote refused the values; see `fieldErrors`
  'rate_limited',
  'unavailable', // 5xx, connection refused, maintenance
  'timeout',
  'connection_dropped', // the connection closed before a full response arrived
  'conflict', // the record changed since it was read (version mismatch)
  'unknown',
] as const;

export type RemoteErrorKind = (typeof remoteErrorKinds)[number];

export interface FieldError {
  /** Remote field name, or `null` when the remote did not say which field. */
  field: string | null;
  message: string;
}

export interface RemoteErrorOptions {
  /** Defaults by kind: rate_limited, unavailable, timeout and connection_dropped are retryable. */
  retryable?: boolean;
  /** The request may have been applied remotely; look the result up before retrying. */
  ambiguous?: boolean;
  status?: number;
  fieldErrors?: readonly FieldError[];
  /** How long the remote asked us to wait, when it said so (Retry-After). */
  retryAfterMs?: number;
  /** A short, redacted excerpt of the remote's answer, for the integration log. */
  detail?: string;
  cause?: unknown;
}

const retryableByDefault: ReadonlySet<RemoteErrorKind> = new Set([
  'rate_limited',
  'unavailable',
  'timeout',
  'connection_dropped',
]);

export class RemoteError extends Error {
  override readonly name = 'RemoteError';
  readonly kind: RemoteErrorKind;
  readonly retryable: boolean;
  readonly ambiguous: boolean;
  readonly status: number | undefined;
  readonly fieldErrors: readonly FieldError[];
  readonly retryAfterMs: number | undefined;
  readonly detail: string | undefined;

  constructor(kind: RemoteErrorKind, message: string, options: RemoteErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.retryable = options.retryable ?? retryableByDefault.has(kind);
    this.ambiguous = options.ambiguous ?? false;
    this.status = options.status;
    this.fieldErrors = options.fieldErrors ?? [];
    this.retryAfterMs = options.retryAfterMs;
    this.detail = options.detail;
  }

  /** `true` for a RemoteError, even one built by another copy of this package. */
  static is(value: unknown): value is RemoteError {
    return (
      value instanceof RemoteError ||
      (value instanceof Error &&
        value.name === 'RemoteError' &&
        typeof (value as { kind?: unknown }).kind === 'string')
    );
  }

  /** A plain object for logs and job payloads (no stack, no cause). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      retryable: this.retryable,
      ambiguous: this.ambiguous,
      status: this.status,
      fieldErrors: this.fieldErrors,
      retryAfterMs: this.retryAfterMs,
      detail: this.detail,
    };
  }
}

/** The kind a plain HTTP status maps to when a connector has nothing more specific to say. */
export function kindForStatus(status: number): RemoteErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 408 || status === 504 || status === 524) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status === 400 || status === 422) return 'validation';
  if (status >= 500) return 'unavailable';
  return 'unknown';
}
