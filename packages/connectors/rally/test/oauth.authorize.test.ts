import {
  accountKey,
  createTransport,
  oauthCredentials,
  RemoteError,
  type RequestLogEntry,
} from '@tandem/connector-kit';
import { DEFAULT_OAUTH_CLIENT, SEEDED_USERS } from '@tandem/sim-rally';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildAuthorizationUrl,
  exchangeCode,
  type OAuthGrant,
  rallyConnector as rally,
  refreshGrant,
} from '../src/index.ts';
import { authorizeInBrowser, Browser } from './support/browser.ts';
import { makeCtx, startSim } from './support/sim.ts';

let sim: Awaited<ReturnType<typeof startSim>>;
beforeAll(async () => {
  sim = await startSim();
});
/** Token requests go to the simulator on 127.0.0.1: the transport must be let reach it. */
const tokenTransport = createTransport({
  accountKey: 'rally:oauth-test|tokens',
  maxConcurrent: 12,
  allowPrivateNetwork: true,
  retry: { maxAttempts: 2 },
});
afterAll(async () => {
  await tokenTransport.close();
  await sim.close();
});
beforeEach(() => sim.simulator.control.reset());

const pat = SEEDED_USERS[0]!;
const client = {
  clientId: DEFAULT_OAUTH_CLIENT.clientId,
  clientSecret: DEFAULT_OAUTH_CLIENT.clientSecret,
  redirectUri: 'http://127.0.0.1:3000/integrations/rally/callback',
};

async function authorize(browser = new Browser()): Promise<OAuthGrant> {
  const request = await buildAuthorizationUrl({ accountUrl: sim.url, client });
  const callback = await authorizeInBrowser(browser, request.url, pat);
  return exchangeCode({
    accountUrl: sim.url,
    client,
    callbackUrl: callback,
    expectedState: request.state,
    codeVerifier: request.codeVerifier,
    transport: tokenTransport,
  });
}

/** A store for one integration's grant, as the BFF keeps it (encrypted, in the database). */
function grantStore(initial: OAuthGrant) {
  let grant = initial;
  let refreshes = 0;
  const credentials = oauthCredentials({
    load: async () => grant,
    save: async (fresh) => {
      grant = fresh;
    },
    refresh: (old) => {
      refreshes += 1;
      return refreshGrant({
        accountUrl: sim.url,
        client,
        refreshToken: old.refreshToken,
        transport: tokenTransport,
      });
    },
  });
  return { credentials, current: () => grant, refreshes: () => refreshes };
}

describe('OAuth 2.0 against Rally', () => {
  it('builds the authorization URL with PKCE (S256), state and the alm scope', async () => {
    const request = await buildAuthorizationUrl({ accountUrl: `${sim.url}/slm/`, client });
    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${sim.url}/login/oauth2/auth`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: client.redirectUri,
      scope: 'alm',
      state: request.state,
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(request.codeVerifier).not.toBe(url.searchParams.get('code_challenge'));
  });

  it('login page → consent → code exchange → the connector calls WSAPI with the token', async () => {
    const started = Date.now();
    const grant = await authorize();
    expect(grant.accessToken).toBeTruthy();
    expect(grant.refreshToken).toBeTruthy();
    expect(Date.parse(grant.expiresAt ?? '') - started).toBeGreaterThan(86_000_000);
    // Rally does not say when the refresh token expires: unknown, never the access token's.
    expect(grant.refreshExpiresAt).toBeNull();
    const ctx = makeCtx(sim.url, {
      credentials: grantStore(grant).credentials,
      config: { authKind: 'oauth2' },
    });
    await expect(rally.checkConnection(ctx)).resolves.toMatchObject({ displayName: 'Pat Planner' });
    await ctx.transport.close();
  });

  it('keeps the refresh token’s expiry when the server states it', async () => {
    sim.simulator.control.setTokenSettings({ reportRefreshTokenExpiry: true });
    try {
      const started = Date.now();
      const grant = await authorize();
      const left = Date.parse(grant.refreshExpiresAt ?? '') - started;
      expect(left).toBeGreaterThan(29 * 86_400_000);
      expect(left).toBeLessThan(31 * 86_400_000);
    } finally {
      sim.simulator.control.setTokenSettings({ reportRefreshTokenExpiry: false });
    }
  });

  it('a user who already has a Rally session and consented is not asked again', async () => {
    const browser = new Browser();
    await authorize(browser);
    const request = await buildAuthorizationUrl({ accountUrl: sim.url, client });
    const first = await browser.fetch(request.url);
    expect(first.status).toBe(302);
    expect(new URL(first.headers.get('location') ?? '').searchParams.get('state')).toBe(
      request.state,
    );
  });

  it('refreshes before expiry (less than 2 minutes left), once for many concurrent requests', async () => {
    sim.simulator.control.setTokenSettings({ accessTokenSeconds: 60 });
    const grant = await authorize();
    const store = grantStore(grant);
    const ctx = makeCtx(sim.url, { credentials: store.credentials });
    await Promise.all(Array.from({ length: 5 }, () => rally.checkConnection(ctx)));
    expect(store.refreshes()).toBe(1);
    expect(store.current().accessToken).not.toBe(grant.accessToken);
    // Rally rotates refresh tokens: the new one is kept.
    expect(store.current().refreshToken).not.toBe(grant.refreshToken);
    await ctx.transport.close();
  });

  it('a refresh Rally refuses is an "auth" error that asks to re-authorize', async () => {
    sim.simulator.control.setTokenSettings({ accessTokenSeconds: 60 });
    const grant = await authorize();
    sim.simulator.control.expireTokens('refresh');
    const ctx = makeCtx(sim.url, { credentials: grantStore(grant).credentials });
    const error = await rally.checkConnection(ctx).catch((e: unknown) => e);
    expect(RemoteError.is(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'auth', retryable: false });
    expect((error as Error).message).toMatch(/re-authorize/);
    await ctx.transport.close();
  });

  it('an access token Rally no longer accepts is an "auth" error on the WSAPI call', async () => {
    sim.simulator.control.setTokenSettings({ accessTokenSeconds: 86_400 });
    const grant = await authorize();
    sim.simulator.control.expireTokens('access');
    const ctx = makeCtx(sim.url, { credentials: grantStore(grant).credentials });
    await expect(rally.checkConnection(ctx)).rejects.toMatchObject({ kind: 'auth', status: 401 });
    await ctx.transport.close();
  });

  it('refuses a callback whose state is not ours, and a consent the user denied', async () => {
    const request = await buildAuthorizationUrl({ accountUrl: sim.url, client });
    const browser = new Browser();
    const callback = await authorizeInBrowser(browser, request.url, pat);
    const forged = exchangeCode({
      accountUrl: sim.url,
      client,
      callbackUrl: callback,
      expectedState: 'someone-elses-state',
      codeVerifier: request.codeVerifier,
    });
    await expect(forged).rejects.toMatchObject({ kind: 'auth' });

    const second = await buildAuthorizationUrl({ accountUrl: sim.url, client });
    // Someone who never consented to Tandem is asked, and says no.
    const denied = await authorizeInBrowser(new Browser(), second.url, SEEDED_USERS[1]!, 'deny');
    const error = await exchangeCode({
      accountUrl: sim.url,
      client,
      callbackUrl: denied,
      expectedState: second.state,
      codeVerifier: second.codeVerifier,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth' });
    expect((error as Error).message).toBe('Access to Rally was not granted');
  });

  it('a code redeemed with the wrong verifier is refused; the token request log holds no secret', async () => {
    const log: RequestLogEntry[] = [];
    const transport = createTransport({
      allowPrivateNetwork: true, // the test server listens on 127.0.0.1
      accountKey: accountKey('rally', sim.url, 'oauth-test'),
      maxConcurrent: 12,
      onRequestLog: (entry) => log.push(entry),
    });
    const request = await buildAuthorizationUrl({ accountUrl: sim.url, client });
    const callback = await authorizeInBrowser(new Browser(), request.url, pat);
    const wrong = exchangeCode({
      accountUrl: sim.url,
      client,
      callbackUrl: callback,
      expectedState: request.state,
      codeVerifier: 'x'.repeat(43),
      transport,
    });
    await expect(wrong).rejects.toMatchObject({ kind: 'auth', status: 400 });

    const ok = await buildAuthorizationUrl({ accountUrl: sim.url, client });
    const grant = await exchangeCode({
      accountUrl: sim.url,
      client,
      callbackUrl: await authorizeInBrowser(new Browser(), ok.url, pat),
      expectedState: ok.state,
      codeVerifier: ok.codeVerifier,
      transport,
    });
    const text = JSON.stringify(log);
    expect(log).toHaveLength(2);
    expect(text).not.toContain(client.clientSecret);
    expect(text).not.toContain(grant.accessToken);
    expect(text).not.toContain(grant.refreshToken ?? 'no refresh token');
    await transport.close();
  });
});
