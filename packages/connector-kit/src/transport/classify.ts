/**
 * Turns what undici and Node report into a `RemoteError`, and decides whether the request could
 * have reached the remote (which makes a failed non-idempotent request ambiguous).
 */
import { kindForStatus, RemoteError, type RemoteErrorKind } from '../port/errors.ts';
import { PRIVATE_ADDRESS_CODE } from './address-policy.ts';

export interface Failure {
  error: RemoteError;
  /** The request may have reached the remote. */
  maybeSent: boolean;
}

/** The connection never carried the request: safe to retry any method. */
const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const droppedCodes = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

function codeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

function isTlsCode(code: string): boolean {
  return (
    code.startsWith('ERR_SSL_') ||
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_OSSL_') ||
    code.includes('CERT') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'EPROTO'
  );
}

export function classifyNetworkError(error: unknown, idempotent: boolean, what: string): Failure {
  const code = codeOf(error) ?? 'UNKNOWN';
  const reason = error instanceof Error ? error.message : String(error);
  const make = (
    kind: RemoteErrorKind,
    message: string,
    maybeSent: boolean,
    retryable?: boolean,
  ): Failure => ({
    maybeSent,
    error: new RemoteError(kind, `${what}: ${message} (${code})`, {
      ambiguous: maybeSent && !idempotent,
      ...(retryable === undefined ? {} : { retryable }),
      cause: error,
    }),
  });

  if (code === PRIVATE_ADDRESS_CODE) {
    // Refused before connecting, by Tandem's own policy: the message is the whole story, and
    // waiting will not change the answer.
    return {
      maybeSent: false,
      error: new RemoteError('unavailable', reason, {
        retryable: false,
        detail: PRIVATE_ADDRESS_CODE,
        cause: error,
      }),
    };
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return make('timeout', 'connect timed out', false);
  if (notSentCodes.has(code)) return make('unavailable', `cannot connect: ${reason}`, false);
  if (isTlsCode(code)) {
    // The remote refused our client certificate, or we refused its server certificate.
    const refusedByRemote = code.includes('ALERT');
    return make(
      refusedByRemote ? 'forbidden' : 'unknown',
      `TLS handshake failed: ${reason}`,
      false,
      false,
    );
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return make('timeout', 'no response in time', true);
  if (code === 'UND_ERR_BODY_TIMEOUT') return make('timeout', 'response body stalled', true);
  if (droppedCodes.has(code))
    return make('connection_dropped', `connection dropped: ${reason}`, true);
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    return make('unknown', 'response too large', true, false);
  }
  return make('unknown', reason, true, false);
}

/** Statuses that say the request was refused before it was processed. */
const refusedStatuses = new Set([408, 429, 503]);

/** 5xx that a retry may cure. 501 and 505 never get better. */
function isTransientStatus(status: number): boolean {
  return refusedStatuses.has(status) || (status >= 500 && status !== 501 && status !== 505);
}

export function classifyStatus(
  status: number,
  idempotent: boolean,
  what: string,
  detail: string,
  retryAfterMs: number | null,
): Failure {
  const kind = kindForStatus(status);
  const transient = isTransientStatus(status);
  // A gateway error or a crash mid-request may follow a commit; a 429/503/408 does not.
  const maybeApplied = transient && !refusedStatuses.has(status);
  return {
    maybeSent: maybeApplied,
    error: new RemoteError(kind, `${what} answered ${status}`, {
      status,
      detail,
      retryable: transient,
      ambiguous: maybeApplied && !idempotent,
      ...(retryAfterMs === null ? {} : { retryAfterMs }),
    }),
  };
}
