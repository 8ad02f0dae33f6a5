/**
 * OAuth 2.0 (`/login/oauth2/auth`, `/login/oauth2/token`) with a real login page, a consent page
 * and a browser-session cookie, plus `/login` for the artifact pages.
 */

import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { BROWSER_COOKIE, findUserByName } from '../auth/middleware.ts';
import type { AppEnv, Sim } from '../context.ts';
import { esc, layout } from '../pages/html.ts';

const AUTH_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'scope',
  'code_challenge',
  'code_challenge_method',
] as const;

function loginPage(returnTo: string, error?: string, username = ''): string {
  return layout(
    'Log in',
    `<h1>Log in to Rally</h1>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/login/oauth2/login">
  <input type="hidden" name="return_to" value="${esc(returnTo)}">
  <label for="username">Username</label>
  <input id="username" name="username" type="text" autocomplete="username" value="${esc(username)}" required>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Log in</button>
</form>`,
  );
}

function consentPage(
  params: Record<string, string>,
  clientName: string,
  userName: string,
  csrf: string,
): string {
  const hidden = AUTH_PARAMS.filter((k) => params[k] !== undefined)
    .map((k) => `<input type="hidden" name="${k}" value="${esc(params[k])}">`)
    .join('\n  ');
  return layout(
    'Authorize',
    `<h1>Authorize ${esc(clientName)}</h1>
<p><strong>${esc(clientName)}</strong> wants to access Rally as <strong>${esc(userName)}</strong> (scope: ${esc(params.scope || 'alm')}).</p>
<form method="post" action="/login/oauth2/consent">
  ${hidden}
  <input type="hidden" name="csrf" value="${esc(csrf)}">
  <button type="submit" name="decision" value="allow">Allow</button>
  <button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

function tokenError(
  c: Context<AppEnv>,
  error: string,
  description: string,
  status: 400 | 401 = 400,
) {
  return c.json(
    { client_id: null, client_secret: null, error_description: description, error },
    status,
  );
}

function redirectWith(uri: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

export function oauthRoutes(sim: Sim) {
  const app = new Hono<AppEnv>();

  const browserUser = (c: Context<AppEnv>) => {
    const sid = getCookie(c, BROWSER_COOKIE);
    const s = sid ? sim.auth.browserSessions.get(sid) : undefined;
    return s ? { sid: sid as string, ...s } : undefined;
  };

  /** Validate the client and redirect URI; errors here are shown, never redirected. */
  const checkRequest = (c: Context<AppEnv>, params: Record<string, string>) => {
    const client = sim.auth.clients.get(params.client_id ?? '');
    if (!client)
      return {
        error: c.html(
          layout(
            'Error',
            '<h1>Unknown client</h1><p class="error">client_id is not registered.</p>',
          ),
          400,
        ),
      };
    if (!params.redirect_uri || !sim.auth.redirectAllowed(client, params.redirect_uri)) {
      return {
        error: c.html(
          layout(
            'Error',
            '<h1>Invalid redirect URI</h1><p class="error">redirect_uri is not registered for this client.</p>',
          ),
          400,
        ),
      };
    }
    return { client };
  };

  const finish = (c: Context<AppEnv>, params: Record<string, string>, userOid: number) => {
    const code = sim.auth.issueCode({
      clientId: params.client_id as string,
      userOid,
      redirectUri: params.redirect_uri as string,
      challenge: params.code_challenge,
      challengeMethod: params.code_challenge_method,
      scope: params.scope || 'alm',
    });
    return c.redirect(
      redirectWith(params.redirect_uri as string, { code, state: params.state }),
      302,
    );
  };

  app.get('/oauth2/auth', (c) => {
    const params = c.req.query();
    const checked = checkRequest(c, params);
    if (checked.error) return checked.error;
    const { client } = checked;
    const redirect = params.redirect_uri as string;
    if (params.response_type !== 'code') {
      return c.redirect(
        redirectWith(redirect, { error: 'unsupported_response_type', state: params.state }),
        302,
      );
    }
    if (
      params.code_challenge_method &&
      params.code_challenge_method !== 'S256' &&
      params.code_challenge_method !== 'plain'
    ) {
      return c.redirect(
        redirectWith(redirect, {
          error: 'invalid_request',
          error_description: 'code_challenge_method must be S256',
          state: params.state,
        }),
        302,
      );
    }
    const session = browserUser(c);
    if (!session) {
      const returnTo = new URL(c.req.url);
      return c.html(loginPage(`${returnTo.pathname}${returnTo.search}`));
    }
    if (sim.auth.consents.has(`${session.userOid}:${client.clientId}`))
      return finish(c, params, session.userOid);
    const user = sim.store.get(session.userOid);
    return c.html(
      consentPage(params, client.name, String(user?.values.DisplayName ?? ''), session.csrf),
    );
  });

  app.post('/oauth2/login', async (c) => {
    const form = await c.req.parseBody();
    const username = String(form.username ?? '');
    const password = String(form.password ?? '');
    let returnTo = String(form.return_to ?? '/slm/');
    if (!returnTo.startsWith('/') || returnTo.startsWith('//')) returnTo = '/slm/';
    const oid = findUserByName(sim, username);
    if (
      oid === undefined ||
      sim.auth.passwords.get(oid) !== password ||
      sim.store.get(oid)?.values.Disabled === true
    ) {
      return c.html(
        loginPage(returnTo, 'The username or password you entered is incorrect.', username),
        401,
      );
    }
    const sid = sim.auth.newBrowserSession(oid);
    setCookie(c, BROWSER_COOKIE, sid, { path: '/', httpOnly: true, sameSite: 'Lax' });
    return c.redirect(returnTo, 302);
  });

  app.post('/oauth2/consent', async (c) => {
    const form = await c.req.parseBody();
    const params = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]));
    const session = browserUser(c);
    if (!session) return c.html(loginPage('/slm/', 'Your session has expired; log in again.'), 401);
    if (params.csrf !== session.csrf)
      return c.html(
        layout('Error', '<h1>Invalid request</h1><p class="error">The form has expired.</p>'),
        400,
      );
    const checked = checkRequest(c, params);
    if (checked.error) return checked.error;
    if (params.decision !== 'allow') {
      return c.redirect(
        redirectWith(params.redirect_uri as string, {
          error: 'access_denied',
          state: params.state,
        }),
        302,
      );
    }
    sim.auth.consents.add(`${session.userOid}:${checked.client.clientId}`);
    sim.changed();
    return finish(c, params, session.userOid);
  });

  app.post('/oauth2/token', async (c) => {
    const form = Object.fromEntries(
      Object.entries(await c.req.parseBody()).map(([k, v]) => [k, String(v)]),
    );
    let clientId = form.client_id;
    let clientSecret = form.client_secret;
    const authz = c.req.header('authorization');
    if (authz && /^basic\s/i.test(authz)) {
      const decoded = Buffer.from(authz.slice(6).trim(), 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      clientId = decodeURIComponent(decoded.slice(0, i));
      clientSecret = decodeURIComponent(decoded.slice(i + 1));
    }
    const client = sim.auth.clients.get(clientId ?? '');
    if (!client || client.clientSecret !== clientSecret)
      return tokenError(c, 'invalid_client', 'Invalid client credentials', 401);
    const respond = (
      access: { token: string; expiresAt: number; userOid: number },
      refresh: { token: string; expiresAt: number },
    ) => {
      c.header('Cache-Control', 'no-store');
      const user = sim.store.get(access.userOid);
      const secondsLeft = (at: number) =>
        Math.max(0, Math.round((at - sim.now().getTime()) / 1000));
      return c.json({
        id_token: sim.auth.idToken(access.userOid, user?.uuid ?? '', client.clientId),
        refresh_token: refresh.token,
        ...(sim.auth.reportRefreshTokenExpiry
          ? { refresh_token_expires_in: secondsLeft(refresh.expiresAt) }
          : {}),
        expires_in: secondsLeft(access.expiresAt),
        token_type: 'Bearer',
        access_token: access.token,
      });
    };
    if (form.grant_type === 'authorization_code') {
      const r = sim.auth.redeemCode(
        form.code ?? '',
        client.clientId,
        form.redirect_uri,
        form.code_verifier,
      );
      if (!r.ok) return tokenError(c, r.error, r.description);
      const { access, refresh } = sim.auth.issueTokens(client.clientId, r.userOid, r.scope);
      sim.changed();
      return respond(access, refresh);
    }
    if (form.grant_type === 'refresh_token') {
      const r = sim.auth.refresh(form.refresh_token ?? '', client.clientId);
      if (!r.ok) return tokenError(c, r.error, r.description);
      sim.changed();
      return respond(r.access, r.refresh);
    }
    return tokenError(
      c,
      'invalid_grant',
      'Invalid value for grant_type params - must be authorization_code or refresh_token',
    );
  });

  // Plain login for the artifact pages.
  app.get('/', (c) => {
    const returnTo = c.req.query('return_to') ?? '/slm/';
    return c.html(loginPage(returnTo.startsWith('/') ? returnTo : '/slm/'));
  });

  app.post('/logout', (c) => {
    const s = browserUser(c);
    if (s) sim.auth.browserSessions.delete(s.sid);
    deleteCookie(c, BROWSER_COOKIE, { path: '/' });
    return c.redirect('/login', 302);
  });

  return app;
}
