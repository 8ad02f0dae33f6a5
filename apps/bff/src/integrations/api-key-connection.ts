import { AppError } from '../lib/errors.ts';
import { displayNameOf } from '../sync/connectors.ts';
import type { CredentialTarget } from './credential-target.ts';
import { remoteFailure } from './remote-failure.ts';

/**
 * Stores an API key (instead of an OAuth grant) once the remote confirmed it; for an integration
 * or a template alike. The error says what the remote said.
 */
export async function connectWithApiKey(target: CredentialTarget, apiKey: string): Promise<void> {
  if (!target.effective.settings.accountUrl) {
    throw AppError.validation([
      { path: 'settings.accountUrl', message: 'Enter the account URL first' },
    ]);
  }
  let who: Awaited<ReturnType<CredentialTarget['whoAmI']>>;
  try {
    who = await target.whoAmI({ apiKey });
  } catch (error) {
    const failure = remoteFailure(error, displayNameOf(target.system));
    if (failure instanceof AppError && failure.status !== 500) {
      const message =
        failure.details?.remoteKind === 'auth'
          ? 'The account refused this API key'
          : `Could not reach the account: ${failure.message}`;
      throw AppError.validation([{ path: 'apiKey', message }], message);
    }
    throw failure;
  }
  await target.save({ apiKey }, who);
}
