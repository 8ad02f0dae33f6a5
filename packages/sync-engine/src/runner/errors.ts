/**
 * What the runner's operations refuse with; the BFF turns each into its HTTP error (see
 * apps/bff/src/lib/domain-errors.ts), other hosts into theirs.
 */
import { RemoteError } from '@tandem/connector-kit';

export class SyncNotFoundError extends Error {
  override name = 'SyncNotFoundError';
  readonly what: string;
  constructor(what: string) {
    super(`${what} not found`);
    this.what = what;
  }
}

export class SyncConflictError extends Error {
  override name = 'SyncConflictError';
  readonly details: Record<string, unknown> | undefined;
  constructor(message: string, details?: Record<string, unknown>) {
    super(message);
    this.details = details;
  }
}

/** An integration whose configuration is not complete enough to talk to its remote. */
export class IntegrationNotReadyError extends Error {
  override name = 'IntegrationNotReadyError';
}

/** A remote's refusal (or a half-configured integration), with the name users know the system by. */
export class RemoteCallError extends Error {
  override name = 'RemoteCallError';
  readonly failure: RemoteError | IntegrationNotReadyError;
  readonly systemName: string;
  constructor(failure: RemoteError | IntegrationNotReadyError, systemName: string) {
    super(failure.message);
    this.failure = failure;
    this.systemName = systemName;
  }
}

/** `error` as a `RemoteCallError` when the remote (or the integration's setup) failed. */
export function remoteCallFailed(error: unknown, systemName: string): unknown {
  return RemoteError.is(error) || error instanceof IntegrationNotReadyError
    ? new RemoteCallError(error, systemName)
    : error;
}

/** Runs a call to the remote, its failure named after the system. */
export async function callRemote<T>(systemName: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw remoteCallFailed(error, systemName);
  }
}
