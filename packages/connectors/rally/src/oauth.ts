/**
 * Rally OAuth 2.0 (authorization code + PKCE, refresh) with oauth4webapi, over the shared
 * transport. Rally publishes no discovery document: its endpoints hang off the account URL.
 * A refused refresh is a `RemoteError` of kind `auth` that asks the user to re-authorize;
 * `oauth-credentials.ts` decides when to refresh.
 */
import {
  type AuthorizationRequest,
  accountKey,
  createTransport,
  type OAuthCapability,
  type OAuthClient,
  type OAuthGrant,
  RemoteError,
  type Transport,
} from '@tandem/connector-kit';
import * as oauth from 'oauth4webapi';
import { manifest } from '../manifest.ts';
import { normalizeAccountUrl } from './spec.ts';

/** Tandem's OAuth client as registered in Rally. */
export type RallyOAuthClient = OAuthClient;
export type { AuthorizationRequest, OAuthGrant };

export const defaultScope = 'alm';

export function rallyAuthorizationServer(accountUrl: string): oauth.AuthorizationServer {
  const base = normalizeAccountUrl(accountUrl);
  return {
    issuer: new URL(base).origin,
    authorization_endpoint: `${base}/login/oauth2/auth`,
    token_endpoint: `${base}/login/oauth2/token`,
  };
}

const httpOptions = (accountUrl: string, transport: Transport) => ({
  [oauth.allowInsecureRequests]: new URL(normalizeAccountUrl(accountUrl)).protocol === 'http:',
  [oauth.customFetch]: transportFetch(transport),
});

/** oauth4webapi's `fetch`, carried by the shared transport (log, limits, mTLS). */
function transportFetch(transport: Transport) {
  return async (
    url: string,
    init: oauth.CustomFetchOptions<string, unknown>,
  ): Promise<Response> => {
    const body =
      init.body === undefined || init.body === null
        ? undefined
        : init.body instanceof URLSearchParams
          ? init.body.toString()
          : typeof init.body === 'string'
            ? init.body
            : new Uint8Array(init.body as ArrayBuffer);
    const answer = await transport.request({
      method: init.method as 'POST',
      url,
      headers: init.headers,
      ...(body === undefined ? {} : { body }),
      // A code can be redeemed once: never repeat a token request that may have arrived.
      idempotent: false,
      acceptStatus: () => true,
      operation: 'oauth.token',
      ...(init.signal ? { signal: init.signal } : {}),
    });
    let bytes: Uint8Array<ArrayBuffer> = new Uint8Array(answer.bytes());
    if ((answer.headers['content-type'] ?? '').includes('json') && answer.status === 200) {
      // Tandem learns who signed in from WSAPI `/user`; an id_token is not used, so it is not
      // validated either (Rally documents neither its issuer nor its keys).
      const json = answer.json<Record<string, unknown>>();
      if ('id_token' in json) {
        delete json.id_token;
        bytes = new TextEncoder().encode(JSON.stringify(json));
      }
    }
    return new Response(bytes, { status: answer.status, headers: answer.headers });
  };
}

async function withTransport<T>(
  accountUrl: string,
  clientId: string,
  given: Transport | undefined,
  run: (transport: Transport) => Promise<T>,
): Promise<T> {
  if (given) return run(given);
  const transport = createTransport({
    accountKey: accountKey('rally', accountUrl, `oauth-client:${clientId}`),
    maxConcurrent: manifest.maxConcurrentPerAccount,
    retry: { maxAttempts: 2 },
  });
  try {
    return await run(transport);
  } finally {
    await transport.close();
  }
}

export async function buildAuthorizationUrl(options: {
  accountUrl: string;
  client: RallyOAuthClient;
  scope?: string;
}): Promise<AuthorizationRequest> {
  const as = rallyAuthorizationServer(options.accountUrl);
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint ?? '');
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', options.client.clientId);
  url.searchParams.set('redirect_uri', options.client.redirectUri);
  url.searchParams.set('scope', options.scope ?? defaultScope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  return { url: url.toString(), state, codeVerifier };
}

function toGrant(
  response: oauth.TokenEndpointResponse,
  now: number,
  previousRefresh?: string,
): OAuthGrant {
  const refreshIn = response.refresh_token_expires_in;
  return {
    accessToken: response.access_token,
    // Rally may keep the refresh token unchanged and not send it again.
    refreshToken: response.refresh_token ?? previousRefresh ?? null,
    expiresAt:
      typeof response.expires_in === 'number'
        ? new Date(now + response.expires_in * 1000).toISOString()
        : null,
    // A new refresh token without a stated lifetime has an unknown one; an unchanged token keeps
    // the lifetime it was given.
    ...(typeof refreshIn === 'number'
      ? { refreshExpiresAt: new Date(now + refreshIn * 1000).toISOString() }
      : response.refresh_token
        ? { refreshExpiresAt: null }
        : {}),
    scope: response.scope ?? null,
  };
}

function oauthError(error: unknown, what: string): RemoteError {
  if (RemoteError.is(error)) return error;
  if (error instanceof oauth.AuthorizationResponseError) {
    const denied = error.error === 'access_denied';
    return new RemoteError(
      'auth',
      denied
        ? 'Access to Rally was not granted'
        : `Rally refused the authorization: ${error.error_description ?? error.error}`,
      {
        retryable: false,
        detail: error.error,
      },
    );
  }
  if (error instanceof oauth.ResponseBodyError) {
    const kind = error.status >= 500 ? 'unavailable' : 'auth';
    const reason = error.error_description ?? error.error;
    return new RemoteError(
      kind,
      kind === 'auth'
        ? `Rally refused the ${what} (${reason}): re-authorize the integration`
        : `Rally's token endpoint failed (${error.status})`,
      {
        status: error.status,
        detail: error.error,
        ...(kind === 'auth' ? { retryable: false } : {}),
      },
    );
  }
  if (error instanceof oauth.OperationProcessingError) {
    // e.g. the state in the callback is not the one we sent.
    return new RemoteError(
      'auth',
      `The Rally authorization answer was not valid: ${error.message}`,
      {
        retryable: false,
        detail: error.code,
      },
    );
  }
  return new RemoteError(
    'unknown',
    `Rally ${what} failed: ${error instanceof Error ? error.message : String(error)}`,
    {
      retryable: false,
      cause: error,
    },
  );
}

/** Completes the authorization: checks `state`, redeems the code with the PKCE verifier. */
export async function exchangeCode(options: {
  accountUrl: string;
  client: RallyOAuthClient;
  /** The full callback URL Rally redirected to (`?code=…&state=…`). */
  callbackUrl: string | URL;
  expectedState: string;
  codeVerifier: string;
  transport?: Transport;
  now?: () => number;
}): Promise<OAuthGrant> {
  const as = rallyAuthorizationServer(options.accountUrl);
  const client: oauth.Client = { client_id: options.client.clientId };
  const now = options.now ?? Date.now;
  try {
    const params = oauth.validateAuthResponse(
      as,
      client,
      new URL(options.callbackUrl),
      options.expectedState,
    );
    return await withTransport(
      options.accountUrl,
      client.client_id,
      options.transport,
      async (transport) => {
        const response = await oauth.authorizationCodeGrantRequest(
          as,
          client,
          oauth.ClientSecretPost(options.client.clientSecret),
          params,
          options.client.redirectUri,
          options.codeVerifier,
          httpOptions(options.accountUrl, transport),
        );
        return toGrant(await oauth.processAuthorizationCodeResponse(as, client, response), now());
      },
    );
  } catch (error) {
    throw oauthError(error, 'authorization code');
  }
}

export async function refreshGrant(options: {
  accountUrl: string;
  client: Pick<RallyOAuthClient, 'clientId' | 'clientSecret'>;
  refreshToken: string | null;
  transport?: Transport;
  now?: () => number;
}): Promise<OAuthGrant> {
  const { refreshToken } = options;
  if (!refreshToken) {
    throw new RemoteError(
      'auth',
      'The Rally grant has expired and cannot be refreshed: re-authorize the integration',
      {
        retryable: false,
      },
    );
  }
  const as = rallyAuthorizationServer(options.accountUrl);
  const client: oauth.Client = { client_id: options.client.clientId };
  const now = options.now ?? Date.now;
  try {
    return await withTransport(
      options.accountUrl,
      client.client_id,
      options.transport,
      async (transport) => {
        const response = await oauth.refreshTokenGrantRequest(
          as,
          client,
          oauth.ClientSecretPost(options.client.clientSecret),
          refreshToken,
          httpOptions(options.accountUrl, transport),
        );
        return toGrant(
          await oauth.processRefreshTokenResponse(as, client, response),
          now(),
          refreshToken,
        );
      },
    );
  } catch (error) {
    throw oauthError(error, 'token refresh');
  }
}

/** The port's `oauth` capability: Rally signs users in with OAuth 2.0 on the account URL. */
export const rallyOAuth: OAuthCapability = {
  authorize: buildAuthorizationUrl,
  exchangeCode,
  refresh: refreshGrant,
};
