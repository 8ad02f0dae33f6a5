import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_OAUTH_CLIENT, type RunningRallySimulator, SEEDED_USERS } from '../src/index.ts';
import { startSim, WSAPI } from './helpers.ts';

let sim: RunningRallySimulator;
const pat = SEEDED_USERS[0]!;
const redirectUri = 'http://127.0.0.1:3000/integrations/rally/callback';

beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.simulator.control.reset());

/** A tiny browser: a cookie jar and manual redirects. */
class Browser {
  cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size)
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  }

  postForm(url: string, form: Record<string, string>): Promise<Response> {
    return this.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }
}

function hiddenFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    out[m[1]!] = m[2]!
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  }
  return out;
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

async function token(
  form: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sim.url}/login/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: DEFAULT_OAUTH_CLIENT.clientId,
      client_secret: DEFAULT_OAUTH_CLIENT.clientSecret,
      ...form,
    }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function authorize(browser: Browser, state: string, challenge: string): Promise<string> {
  const url = `${sim.url}/login/oauth2/auth?${new URLSearchParams({ response_type: 'code', client_id: DEFAULT_OAUTH_CLIENT.clientId, redirect_uri: redirectUri, state, scope: 'alm openid', code_challenge: challenge, code_challenge_method: 'S256' })}`;
  let res = await browser.fetch(url);
  let html = await res.text();
  if (html.includes('Log in to Rally')) {
    expect(html).toContain('<label for="username">Username</label>');
    res = await browser.postForm(`${sim.url}/login/oauth2/login`, {
      ...hiddenFields(html),
      username: pat.username,
      password: pat.password,
    });
    expect(res.status).toBe(302);
    res = await browser.fetch(new URL(res.headers.get('location')!, sim.url).toString());
    html = await res.text();
  }
  if (res.status === 200) {
    expect(html).toContain('Authorize Tandem');
    res = await browser.postForm(`${sim.url}/login/oauth2/consent`, {
      ...hiddenFields(html),
      decision: 'allow',
    });
  }
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
  expect(location.searchParams.get('state')).toBe(state);
  return location.searchParams.get('code')!;
}

describe('OAuth 2.0 authorization code + PKCE', () => {
  it('logs in through the page, consents, exchanges the code, calls WSAPI, refreshes, expires', async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const code = await authorize(browser, 'st-1', challenge);

    const wrongVerifier = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: 'x'.repeat(43),
    });
    expect(wrongVerifier.status).toBe(400);
    expect(wrongVerifier.body).toMatchObject({
      error: 'invalid_grant',
      client_id: null,
      client_secret: null,
    });

    // A failed redemption burns the code; get another (no login or consent asked again).
    const code2 = await authorize(browser, 'st-2', challenge);
    const t = await token({
      grant_type: 'authorization_code',
      code: code2,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(t.status).toBe(200);
    expect(Object.keys(t.body).sort()).toEqual([
      'access_token',
      'expires_in',
      'id_token',
      'refresh_token',
      'token_type',
    ]);
    expect(t.body).toMatchObject({ token_type: 'Bearer', expires_in: 86400 });
    const replay = await token({
      grant_type: 'authorization_code',
      code: code2,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(replay.body.error).toBe('invalid_grant');

    for (const headers of [
      { authorization: `Bearer ${t.body.access_token}` },
      { zsessionid: String(t.body.access_token) },
    ]) {
      const me = await fetch(`${sim.url}${WSAPI}/user`, { headers });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { User: { UserName: string } }).User.UserName).toBe(
        pat.username,
      );
    }

    // Expire the access token: WSAPI answers 401 Invalid key; refresh gives a new one.
    sim.simulator.control.expireTokens('access');
    const expired = await fetch(`${sim.url}${WSAPI}/user`, {
      headers: { authorization: `Bearer ${t.body.access_token}` },
    });
    expect(expired.status).toBe(401);
    expect(
      ((await expired.json()) as { OperationResult: { Errors: string[] } }).OperationResult.Errors,
    ).toEqual(['Not authorized to perform action: Invalid key']);
    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: String(t.body.refresh_token),
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(t.body.access_token);
    const again = await fetch(`${sim.url}${WSAPI}/user`, {
      headers: { authorization: `Bearer ${refreshed.body.access_token}` },
    });
    expect(again.status).toBe(200);
    // Refresh tokens rotate: the old one is spent.
    const reuse = await token({
      grant_type: 'refresh_token',
      refresh_token: String(t.body.refresh_token),
    });
    expect(reuse.body.error).toBe('invalid_grant');
  });

  it('honours a shortened lifetime and an expired refresh token', async () => {
    sim.simulator.control.setTokenSettings({ accessTokenSeconds: 1 });
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const code = await authorize(browser, 's', challenge);
    const t = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(t.body.expires_in).toBe(1);
    await new Promise((r) => setTimeout(r, 1100));
    const res = await fetch(`${sim.url}${WSAPI}/user`, {
      headers: { authorization: `Bearer ${t.body.access_token}` },
    });
    expect(res.status).toBe(401);
    sim.simulator.control.expireTokens('refresh');
    const r = await token({
      grant_type: 'refresh_token',
      refresh_token: String(t.body.refresh_token),
    });
    expect(r.body).toMatchObject({
      error: 'invalid_grant',
      error_description: 'Refresh token has expired',
    });
  });

  it('says when the refresh token expires only when asked to', async () => {
    sim.simulator.control.setTokenSettings({ accessTokenSeconds: 3600, refreshTokenSeconds: 7200 });
    const grant = async () => {
      const { verifier, challenge } = pkce();
      const code = await authorize(new Browser(), 's', challenge);
      return token({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      });
    };
    expect((await grant()).body).not.toHaveProperty('refresh_token_expires_in');
    sim.simulator.control.setTokenSettings({ reportRefreshTokenExpiry: true });
    const reported = await grant();
    expect(reported.body.refresh_token_expires_in).toBe(7200);
    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: String(reported.body.refresh_token),
    });
    expect(refreshed.body.refresh_token_expires_in).toBe(7200);
    sim.simulator.control.setTokenSettings({ reportRefreshTokenExpiry: false });
  });

  it('refuses bad logins, unknown redirect URIs, wrong client secrets, and honours Deny', async () => {
    const browser = new Browser();
    const bad = await browser.postForm(`${sim.url}/login/oauth2/login`, {
      username: pat.username,
      password: 'wrong',
      return_to: '/slm/',
    });
    expect(bad.status).toBe(401);
    expect(await bad.text()).toContain('The username or password you entered is incorrect.');

    const evil = await browser.fetch(
      `${sim.url}/login/oauth2/auth?response_type=code&client_id=${DEFAULT_OAUTH_CLIENT.clientId}&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`,
    );
    expect(evil.status).toBe(400);
    expect(evil.headers.get('location')).toBeNull();

    const secret = await fetch(`${sim.url}/login/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: 'x',
        client_id: DEFAULT_OAUTH_CLIENT.clientId,
        client_secret: 'nope',
      }).toString(),
    });
    expect(secret.status).toBe(401);
    expect(((await secret.json()) as { error: string }).error).toBe('invalid_client');

    // Deny on the consent page redirects with access_denied.
    let res = await browser.fetch(
      `${sim.url}/login/oauth2/auth?response_type=code&client_id=${DEFAULT_OAUTH_CLIENT.clientId}&redirect_uri=${encodeURIComponent(redirectUri)}&state=d`,
    );
    let html = await res.text();
    res = await browser.postForm(`${sim.url}/login/oauth2/login`, {
      ...hiddenFields(html),
      username: pat.username,
      password: pat.password,
    });
    res = await browser.fetch(new URL(res.headers.get('location')!, sim.url).toString());
    html = await res.text();
    res = await browser.postForm(`${sim.url}/login/oauth2/consent`, {
      ...hiddenFields(html),
      decision: 'deny',
    });
    const loc = new URL(res.headers.get('location')!);
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.get('state')).toBe('d');
  });
});
