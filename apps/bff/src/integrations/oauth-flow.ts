import { randomBytes } from 'node:crypto';
import {
  buildAuthorizationUrl,
  exchangeCode,
  type RallyOAuthClient,
} from '@tandem/connector-rally';
import {
  type IntegrationRow,
  integrationLogRepository,
  integrationsRepository,
  oauthStatesRepository,
} from '@tandem/storage';
import type { AppDeps } from '../app-env.ts';
import { publicUrl } from '../env.ts';
import { AppError } from '../lib/errors.ts';
import type { StoredGrant } from '../sync/integration-secrets.ts';
import { loadEffective, openIntegrationSecrets } from './effective-integration.ts';

type Deps = Required<AppDeps>;

/** How long the user has to finish the remote's login and consent. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;
export const RALLY_CALLBACK_PATH = '/api/oauth/rally/callback';

export function rallyOAuthClient(deps: Deps): RallyOAuthClient {
  return {
    clientId: deps.env.RALLY_OAUTH_CLIENT_ID,
    clientSecret: deps.env.RALLY_OAUTH_CLIENT_SECRET,
    redirectUri: `${publicUrl(deps.env)}${RALLY_CALLBACK_PATH}`,
  };
}

/** The state names its integration (so every answer can return to its wizard) plus 32 random bytes. */
export function integrationOfState(state: string): string | null {
  const i = state.lastIndexOf('~');
  return i > 0 ? state.slice(0, i) : null;
}

/** Starts an authorization: PKCE verifier and state kept server-side, single use, bound to the user. */
export async function startAuthorization(
  deps: Deps,
  row: IntegrationRow,
  userId: string,
): Promise<string> {
  if (row.system !== 'rally') {
    throw AppError.validation([
      { path: 'system', message: 'Only Rally integrations are authorized with OAuth' },
    ]);
  }
  const { settings } = await loadEffective(deps.database.db, deps.secrets, row);
  if (!settings.accountUrl) {
    throw AppError.validation([
      { path: 'settings.accountUrl', message: 'Enter the account URL before authorizing' },
    ]);
  }
  const client = rallyOAuthClient(deps);
  const request = await buildAuthorizationUrl({ accountUrl: settings.accountUrl, client });
  const state = `${row.id}~${randomBytes(32).toString('base64url')}`;
  const url = new URL(request.url);
  url.searchParams.set('state', state);
  const now = deps.now();
  const states = oauthStatesRepository(deps.database.db);
  await states.purgeExpired(new Date(now.getTime() - OAUTH_STATE_TTL_MS).toISOString());
  await states.create({
    state,
    userId,
    integrationId: row.id,
    sealedVerifier: deps.secrets.seal({ verifier: request.codeVerifier }, `oauth-state:${state}`),
    redirectUri: client.redirectUri,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_MS).toISOString(),
  });
  return url.toString();
}

export type CallbackError = 'denied' | 'state_mismatch' | 'expired' | 'exchange_failed';

/**
 * Completes an authorization from the remote's answer: the state must be the one this user
 * started for this integration and still fresh; the code is redeemed with the PKCE verifier and
 * the grant stored encrypted with who is connected. Returns the error to show, or null.
 */
export async function completeAuthorization(
  deps: Deps,
  row: IntegrationRow,
  userId: string,
  callbackUrl: string,
): Promise<CallbackError | null> {
  const query = new URL(callbackUrl).searchParams;
  const state = query.get('state') ?? '';
  const stored = await oauthStatesRepository(deps.database.db).take(state);
  const log = (level: 'info' | 'warn', message: string) =>
    integrationLogRepository(deps.database.db)
      .append(
        { integrationId: row.id, workspaceId: row.workspaceId, level, event: 'oauth', message },
        deps.now().toISOString(),
      )
      .catch(() => {});
  if (!stored || stored.userId !== userId || stored.integrationId !== row.id) {
    await log('warn', 'An authorization answer did not match the one Tandem started; ignored');
    return 'state_mismatch';
  }
  if (Date.parse(stored.expiresAt) < deps.now().getTime()) {
    await log('warn', 'An authorization answer came back too late; start the authorization again');
    return 'expired';
  }
  const remoteError = query.get('error');
  if (remoteError) {
    await log(
      'warn',
      remoteError === 'access_denied'
        ? 'Access to Rally was not granted'
        : `Rally refused the authorization (${remoteError})`,
    );
    return remoteError === 'access_denied' ? 'denied' : 'exchange_failed';
  }
  const effective = await loadEffective(deps.database.db, deps.secrets, row);
  const accountUrl = effective.settings.accountUrl ?? '';
  const client = { ...rallyOAuthClient(deps), redirectUri: stored.redirectUri };
  try {
    const { verifier } = deps.secrets.open<{ verifier: string }>(
      stored.sealedVerifier,
      `oauth-state:${state}`,
    );
    const transport = deps.sync.gateway.transport(effective, `oauth-client:${client.clientId}`);
    const grant = await exchangeCode({
      accountUrl,
      client,
      callbackUrl,
      expectedState: state,
      codeVerifier: verifier,
      transport,
      now: () => deps.now().getTime(),
    });
    const own = openIntegrationSecrets(deps.secrets, row);
    const { apiKey: _k, connectedAs: _c, oauth: _o, ...rest } = own;
    const candidate: StoredGrant = { ...grant, connectedAt: deps.now().toISOString() };
    const probeRow = {
      ...row,
      sealedSecrets: deps.secrets.seal({ ...rest, oauth: candidate }, row.id),
    };
    const { connector, context } = await deps.sync.gateway.connect(probeRow);
    const whoAmI = await connector.checkConnection(context);
    const stored2: StoredGrant = {
      ...candidate,
      connectedAs: whoAmI.displayName,
      remoteUserId: whoAmI.userId,
    };
    await integrationsRepository(deps.database.db).update(row.id, {
      sealedSecrets: deps.secrets.seal({ ...rest, oauth: stored2 }, row.id),
      ...(row.state === 'needs_reauthorization'
        ? { state: 'enabled' as const, lastError: null }
        : {}),
    });
    await log('info', `Connected to Rally as ${whoAmI.displayName}`);
    return null;
  } catch (error) {
    await log(
      'warn',
      `The authorization could not be completed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 'exchange_failed';
  }
}
