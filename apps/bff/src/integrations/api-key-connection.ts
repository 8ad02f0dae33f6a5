import { AppError } from '../lib/errors.ts';
import { connectorFor, displayNameOf } from '../sync/connectors.ts';
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
          ? connectorFor(target.system).manifest.authKinds.includes('pat')
            ? 'The account refused this token: it is wrong, expired or revoked'
            : 'The account refused this API key'
          : `Could not reach the account: ${failure.message}`;
      throw AppError.validation([{ path: 'apiKey', message }], message);
    }
    throw failure;
  }
  // A token that connects but lacks a scope the integration needs is named now, not at the
  // first send (`WhoAmI.capabilities`, where the connector can tell without writing).
  const missing = (who.capabilities ?? []).filter((c) => c.required && !c.ok);
  if (missing.length > 0) {
    const names = missing.map((c) => c.label).join(' and ');
    const message = `This token works, but it lacks the scope ${names}. Create a token that includes it and test the connection again.`;
    throw AppError.validation([{ path: 'apiKey', message }], message);
  }
  await target.save({ apiKey }, who);
  const works = (who.capabilities ?? []).filter((c) => c.ok).map((c) => c.label);
  const lacks = (who.capabilities ?? []).filter((c) => !c.ok);
  if (works.length > 0) {
    await target.log(
      'info',
      `Connected as ${who.displayName}; the token's scopes that work: ${works.join(', ')}${lacks.length > 0 ? `; missing: ${lacks.map((c) => `${c.label} (${c.hint ?? 'optional'})`).join(', ')}` : ''}`,
    );
  }
}
