import type { OAuthCapability, OAuthClient } from '@tandem/connector-kit';
import type { IntegrationSystem, OAuthCallbackError } from '@tandem/contracts';
import { oauthStatesRepository } from '@tandem/storage';
import { accountOrigin, sameAccount } from '@tandem/sync-engine/runner';
import type { AppDeps } from '../app-env.ts';
import { publicUrl } from '../env.ts';
import { AppError } from '../lib/errors.ts';
import { connectorFor, oauthClientSettings } from '../sync/connectors.ts';
import type { CredentialTarget } from './credential-target.ts';
import { newOAuthState, type OAuthReturn } from './oauth-state.ts';

type Deps = Required<AppDeps>;

/** How long the user has to finish the remote's login and consent. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;
/** Where the remote sends the browser back (registered with Tandem's OAuth client there). */
export const oauthCallbackPath = (system: IntegrationSystem) =>
  `/api/oauth/${encodeURIComponent(system)}/callback`;

/** Tandem's OAuth client for `system`, and the one account it is registered with. */
export function oauthClientFor(
  deps: Deps,
  system: IntegrationSystem,
): (OAuthClient & { accountUrl: string }) | null {
  const settings = oauthClientSettings(deps.env, system);
  return settings
    ? { ...settings, redirectUri: `${publicUrl(deps.env)}${oauthCallbackPath(system)}` }
    : null;
}

/**
 * Why Tandem's OAuth client may not be used for this account, or null when it may: the client
 * is registered with one account, and its secret goes to that account's token endpoint only.
 */
export function oauthClientRefusal(
  deps: Deps,
  system: IntegrationSystem,
  accountUrl: string | undefined,
): string | null {
  const client = oauthClientFor(deps, system);
  const systemName = connectorFor(system).manifest.displayName;
  if (!client) return `Tandem has no ${systemName} sign-in; connect this account with an API key`;
  const registered = accountOrigin(client.accountUrl);
  if (sameAccount(registered, accountUrl)) return null;
  return `Tandem's ${systemName} sign-in is registered for ${registered}, not ${accountOrigin(accountUrl) ?? accountUrl}; connect this account with an API key`;
}

/** The system's OAuth capability, or a validation error when it signs in another way. */
function oauthOf(system: IntegrationSystem): OAuthCapability {
  const connector = connectorFor(system);
  if (!connector.oauth) {
    throw AppError.validation([
      {
        path: 'system',
        message: `${connector.manifest.displayName} connections are not authorized with OAuth`,
      },
    ]);
  }
  return connector.oauth;
}

/**
 * Starts an authorization for an integration or a template: the PKCE verifier and the state are
 * kept server-side, single use, bound to the user and to the target.
 */
export async function startAuthorization(
  deps: Deps,
  target: CredentialTarget,
  userId: string,
  returnTo: OAuthReturn,
): Promise<string> {
  const oauth = oauthOf(target.system);
  const accountUrl = target.effective.settings.accountUrl;
  if (!accountUrl) {
    throw AppError.validation([
      { path: 'settings.accountUrl', message: 'Enter the account URL before authorizing' },
    ]);
  }
  const refusal = oauthClientRefusal(deps, target.system, accountUrl);
  const client = oauthClientFor(deps, target.system);
  if (refusal || !client)
    throw AppError.validation(
      [{ path: 'settings.accountUrl', message: refusal ?? '' }],
      refusal ?? '',
    );
  const request = await oauth.authorize({ accountUrl: client.accountUrl, client });
  const state = newOAuthState(returnTo);
  const url = new URL(request.url);
  url.searchParams.set('state', state);
  const now = deps.now();
  const states = oauthStatesRepository(deps.database.db);
  await states.purgeExpired(new Date(now.getTime() - OAUTH_STATE_TTL_MS).toISOString());
  await states.create({
    state,
    userId,
    subject: target.subject,
    sealedVerifier: deps.secrets.seal({ verifier: request.codeVerifier }, `oauth-state:${state}`),
    redirectUri: client.redirectUri,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_MS).toISOString(),
  });
  return url.toString();
}

/**
 * Completes an authorization from the remote's answer: the state must be one this user started
 * for this very target (an integration's state never completes a template's authorization, nor
 * the reverse) and still fresh; the code is redeemed with the PKCE verifier, and the grant is
 * stored encrypted with who is connected. Returns the error to show, or null.
 */
export async function completeAuthorization(
  deps: Deps,
  target: CredentialTarget,
  userId: string,
  callbackUrl: string,
): Promise<OAuthCallbackError | null> {
  const query = new URL(callbackUrl).searchParams;
  const state = query.get('state') ?? '';
  const stored = await oauthStatesRepository(deps.database.db).take(state);
  if (
    !stored ||
    stored.userId !== userId ||
    stored.subject.kind !== target.subject.kind ||
    stored.subject.id !== target.subject.id
  ) {
    await target.log(
      'warn',
      'An authorization answer did not match the one Tandem started; ignored',
    );
    return 'state_mismatch';
  }
  if (Date.parse(stored.expiresAt) < deps.now().getTime()) {
    await target.log(
      'warn',
      'An authorization answer came back too late; start the authorization again',
    );
    return 'expired';
  }
  const systemName = connectorFor(target.system).manifest.displayName;
  const remoteError = query.get('error');
  if (remoteError) {
    await target.log(
      'warn',
      remoteError === 'access_denied'
        ? `Access to ${systemName} was not granted`
        : `${systemName} refused the authorization (${remoteError})`,
    );
    return remoteError === 'access_denied' ? 'denied' : 'exchange_failed';
  }
  const registered = oauthClientFor(deps, target.system);
  // The account URL may have changed since the authorization started: check it again.
  const refusal = oauthClientRefusal(deps, target.system, target.effective.settings.accountUrl);
  if (refusal || !registered) {
    await target.log('warn', `The authorization was not completed: ${refusal}`);
    return 'exchange_failed';
  }
  const client = { ...registered, redirectUri: stored.redirectUri };
  try {
    const { verifier } = deps.secrets.open<{ verifier: string }>(
      stored.sealedVerifier,
      `oauth-state:${state}`,
    );
    const transport = deps.sync.gateway.transport(
      target.effective,
      `oauth-client:${client.clientId}`,
    );
    const grant = await oauthOf(target.system).exchangeCode({
      // The registered account's token endpoint, never one an integration names.
      accountUrl: client.accountUrl,
      client,
      callbackUrl,
      expectedState: state,
      codeVerifier: verifier,
      transport,
      now: () => deps.now().getTime(),
    });
    const who = await target.whoAmI({ oauth: grant });
    await target.save({ oauth: grant }, who);
    await target.log('info', `Connected to ${systemName} as ${who.displayName}`);
    return null;
  } catch (error) {
    await target.log(
      'warn',
      `The authorization could not be completed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 'exchange_failed';
  }
}
