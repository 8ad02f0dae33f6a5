/**
 * Who is calling WSAPI: an API key or OAuth access token (`ZSESSIONID` header or cookie,
 * or `Authorization: Bearer`), basic auth (creating a JSESSIONID session that holds the security
 * token), the JSESSIONID cookie of such a session, or the browser session of the login page.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, Principal, Sim } from '../context.ts';
import { MSG, RallyError } from '../errors.ts';

export const BROWSER_COOKIE = 'RALLY_SIM_SESSION';
const BASIC_REALM = 'Basic realm="Rally ALM"';

function unauthorized(message: string, challenge: boolean): RallyError {
  return new RallyError(message, {
    status: 401,
    headers: challenge ? { 'WWW-Authenticate': BASIC_REALM } : {},
  });
}

function fromToken(sim: Sim, token: string): Principal {
  const key = sim.auth.apiKeys.get(token);
  if (key) {
    const user = sim.store.get(key.userOid);
    if (!user || user.values.Disabled === true) throw unauthorized(MSG.invalidKey, false);
    return { userOid: key.userOid, via: 'apikey', readOnly: key.readOnly };
  }
  const t = sim.auth.accessTokenUser(token);
  if (typeof t === 'object') return { userOid: t.userOid, via: 'oauth', readOnly: false };
  throw unauthorized(MSG.invalidKey, false);
}

function fromBasic(sim: Sim, c: Context<AppEnv>, header: string): Principal {
  let decoded = '';
  try {
    decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  } catch {
    decoded = '';
  }
  const i = decoded.indexOf(':');
  const username = i >= 0 ? decoded.slice(0, i) : decoded;
  const password = i >= 0 ? decoded.slice(i + 1) : '';
  const user = findUserByName(sim, username);
  if (
    !user ||
    sim.auth.passwords.get(user) !== password ||
    sim.store.get(user)?.values.Disabled === true
  ) {
    throw unauthorized(MSG.badPassword, true);
  }
  // Reuse the caller's session when it belongs to the same user; the token is bound to it.
  const existing = getCookie(c, 'JSESSIONID');
  const session = existing ? sim.auth.basicSessions.get(existing) : undefined;
  if (existing && session?.userOid === user)
    return { userOid: user, via: 'basic', readOnly: false, sessionId: existing };
  const id = sim.auth.newBasicSession(user);
  setCookie(c, 'JSESSIONID', id, { path: '/', httpOnly: true });
  setCookie(c, 'SUBBUCKETID', '1', { path: '/', httpOnly: true });
  return { userOid: user, via: 'basic', readOnly: false, sessionId: id };
}

export function findUserByName(sim: Sim, username: string): number | undefined {
  const lower = username.trim().toLowerCase();
  for (const [oid] of sim.auth.passwords) {
    const u = sim.store.get(oid);
    if (u && String(u.values.UserName).toLowerCase() === lower) return oid;
  }
  return undefined;
}

/** Resolve the principal or throw Rally's 401. */
export function authenticate(
  sim: Sim,
  c: Context<AppEnv>,
  opts: { allowBasic: boolean; allowBrowser: boolean },
): Principal {
  const zsession = c.req.header('zsessionid');
  if (zsession) return fromToken(sim, zsession.trim());
  const authz = c.req.header('authorization');
  if (authz && /^bearer\s/i.test(authz)) return fromToken(sim, authz.slice(7).trim());
  if (authz && /^basic\s/i.test(authz)) {
    if (!opts.allowBasic) throw unauthorized(MSG.invalidKey, false);
    return fromBasic(sim, c, authz);
  }
  const zCookie = getCookie(c, 'ZSESSIONID');
  if (zCookie) return fromToken(sim, zCookie);
  if (opts.allowBasic) {
    const jsession = getCookie(c, 'JSESSIONID');
    const session = jsession ? sim.auth.basicSessions.get(jsession) : undefined;
    if (jsession && session)
      return { userOid: session.userOid, via: 'session', readOnly: false, sessionId: jsession };
  }
  if (opts.allowBrowser) {
    const browser = getCookie(c, BROWSER_COOKIE);
    const session = browser ? sim.auth.browserSessions.get(browser) : undefined;
    if (session) return { userOid: session.userOid, via: 'browser', readOnly: false };
  }
  throw unauthorized(MSG.noAuth, opts.allowBasic);
}

/** WSAPI authentication; writes by basic-auth callers need `?key=<SecurityToken>`. */
export function wsapiAuth(sim: Sim): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = authenticate(sim, c, {
      allowBasic: true,
      allowBrowser: c.req.method === 'GET',
    });
    c.set('principal', principal);
    await next();
  };
}

export function requireWriteAccess(sim: Sim, c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (p.readOnly) throw new RallyError(MSG.invalidKey, { status: 401 });
  if (p.via === 'basic' || p.via === 'session') {
    const session = p.sessionId ? sim.auth.basicSessions.get(p.sessionId) : undefined;
    const key = c.req.query('key');
    if (!session || !key || key !== session.token) throw new RallyError(MSG.invalidKey);
  }
  if (p.via === 'browser') throw new RallyError(MSG.invalidKey);
  return p;
}
