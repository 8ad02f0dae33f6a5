import { PRIVATE_ADDRESS_CODE, RemoteError } from '@tandem/connector-kit';
import { IntegrationNotReadyError, RemoteCallError } from '@tandem/sync-engine/runner';
import { AppError } from '../lib/errors.ts';

/**
 * A failed call to an integration's remote, as the wizard shows it: the remote no longer
 * accepting the authorization is 409 (re-authorize); anything else the remote said is 502 with
 * its message; a half-configured integration is 409 saying what is missing.
 */
export function remoteFailure(error: unknown, systemName = 'The remote system'): unknown {
  if (error instanceof RemoteCallError) return remoteFailure(error.failure, error.systemName);
  if (error instanceof IntegrationNotReadyError) return AppError.conflict(error.message);
  if (!RemoteError.is(error)) return error;
  if (error.kind === 'auth') {
    return new AppError(
      409,
      'conflict',
      `${systemName} no longer accepts this integration's authorization: re-authorize it (${error.message})`,
      { remoteKind: error.kind, reauthorize: true },
    );
  }
  if (error.detail === PRIVATE_ADDRESS_CODE) {
    // Tandem refused to connect (the account URL resolves to a private address): the remote
    // said nothing, so the message is Tandem's own.
    return new AppError(502, 'remote_failed', error.message, {
      remoteKind: error.kind,
      privateAddress: true,
    });
  }
  return new AppError(502, 'remote_failed', `${systemName} answered: ${error.message}`, {
    remoteKind: error.kind,
    ...(error.status ? { remoteStatus: error.status } : {}),
  });
}

/**
 * Runs a call to the remote through `connector`, turning its failure into the wizard's error in
 * the system's own name ("Rally answered: …").
 */
export async function callRemote<T>(
  connector: { readonly manifest: { readonly displayName: string } },
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw remoteFailure(error, connector.manifest.displayName);
  }
}
