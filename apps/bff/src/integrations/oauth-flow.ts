import {
  buildAuthorizationUrl,
  exchangeCode,
  type RallyOAuthClient,
} from '@tandem/connector-rally';
import type { OAuthCallbackError } from '@tandem/contracts';
import { oauthStatesRepository } from '@tandem/storage';
import type { AppDeps } from '../app-env.ts';
import { publicUrl } from '../env.ts';
import { AppError } from '../lib/errors.ts';
import { accountOrigin, sameAccount } from './account-url.ts';
import type { CredentialTarget } from './credential-target.ts';
import { newOAuthState, type OAuthReturn } from './oauth-state.ts';

type Deps = Required<AppDeps>;

/** How long the user has to finish the remote's login and consent. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;
export const RALLY_CALLBACK_PATH = '/api/oauth/rally/callback';

/** Tandem's OAuth client in Rally, and the one account it is registered with. */
export function rallyOAuthClient(deps: Deps): RallyOAuthClient & { accountUrl: string } {
  return {
    clientId: deps.env.RALLY_OAUTH_CLIENT_ID,
    clientSecret: deps.env.RALLY_OAUTH_CLIENT_SECRET,
    redirectUri: `${publicUrl(deps.env)}${RALLY_CALLBACK_PATH}`,
    accountUrl: deps.env.RALLY_OAUTH_ACCOUNT_URL,
  };
}

/**
 * Why Tandem's OAuth client may not be used for this account, or null when it may: the client
 * is registered with one account, and its secret goes to that account's token endpoint only.
 */
export function oauthClientRefusal(deps: Deps, accountUrl: string | undefined): string | null {
  const registered = accountOrigin(deps.env.RALLY_OAUTH_ACCOUNT_URL);
  if (sameAccount(registered, accountUrl)) return null;
  return `Tandem's Rally sign-in is registered for ${registered}, not ${accountOrigin(accountUrl) ?? accountUrl}; connect this account with an API key`;
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
  if (target.system !== 'rally') {
    throw AppError.validation([
      { path: 'system', message: 'Only Rally connections are authorized with OAuth' },
    ]);
  }
  const accountUrl = target.effective.settings.accountUrl;
  if (!accountUrl) {
    throw AppError.validation([
      { path: 'settings.accountUrl', message: 'Enter the account URL before authorizing' },
    ]);
  }
  const refusal = oauthClientRefusal(deps, accountUrl);
  if (refusal)
    throw AppError.validation([{ path: 'settings.accountUrl', message: refusal }], refusal);
  const client = rallyOAuthClient(deps);
  const request = await buildAuthorizationUrl({ accountUrl: client.accountUrl, client });
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
  const remoteError = query.get('error');
  if (remoteError) {
    await target.log(
      'warn',
      remoteError === 'access_denied'
        ? 'Access to Rally was not granted'
        : `Rally refused the authorization (${remoteError})`,
    );
    return remoteError === 'access_denied' ? 'denied' : 'exchange_failed';
  }
  const client = { ...rallyOAuthClient(deps), redirectUri: stored.redirectUri };
  // The account URL may have changed since the authorization started: check it again.
  const refusal = oauthClientRefusal(deps, target.effective.settings.accountUrl);
  if (refusal) {
    await target.log('warn', `The authorization was not completed: ${refusal}`);
    return 'exchange_failed';
  }
  try {
    const { verifier } = deps.secrets.open<{ verifier: string }>(
      stored.sealedVerifier,
      `oauth-state:${state}`,
    );
    const transport = deps.sync.gateway.transport(
      target.effective,
      `oauth-client:${client.clientId}`,
    );
    const grant = await exchangeCode({
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
    await target.log('info', `Connected to Rally as ${who.displayName}`);
    return null;
  } catch (error) {
    await target.log(
      'warn',
      `The authorization could not be completed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 'exchange_failed';
  }
}
