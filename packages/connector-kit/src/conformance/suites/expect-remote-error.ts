import { expect } from 'vitest';
import { RemoteError, type RemoteErrorKind } from '../../port/errors.ts';

/** Awaits `promise`, which must reject with a `RemoteError` of `kind`. */
export async function expectRemoteError(
  promise: Promise<unknown>,
  kind: RemoteErrorKind,
): Promise<RemoteError> {
  const outcome = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) {
    throw new Error(`expected a RemoteError of kind "${kind}", but the call succeeded`);
  }
  const { error } = outcome;
  if (!RemoteError.is(error)) {
    throw new Error(
      `expected a RemoteError of kind "${kind}", got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    );
  }
  expect(error.kind, `RemoteError.kind (message: ${error.message})`).toBe(kind);
  return error;
}
