/**
 * Credentials and sessions: API keys, passwords, basic-auth sessions with their security token,
 * browser sessions (the login page), and OAuth 2.0 clients, codes and tokens.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_ADMIN_API_KEY, SEEDED_USERS } from '../state/seed.ts';

export interface ApiKey {
  key: string;
  userOid: number;
  readOnly: boolean;
}

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  name: string;
  /** Exact URIs, or patterns where `*` in the port matches any port (e.g. `http://127.0.0.1:*`). */
  redirectUris: string[];
}

interface Code {
  code: string;
  clientId: string;
  userOid: number;
  redirectUri: string;
  challenge?: string;
  challengeMethod?: string;
  expiresAt: number;
  scope: string;
}

export interface Token {
  token: string;
  clientId: string;
  userOid: number;
  expiresAt: number;
  scope: string;
}

export interface AuthSnapshot {
  passwords: Record<string, string>;
  apiKeys: ApiKey[];
  clients: OAuthClient[];
  accessTokens: Token[];
  refreshTokens: Token[];
  consents: string[];
}

export const DEFAULT_OAUTH_CLIENT = {
  clientId: 'tandem-local-client',
  clientSecret: 'tandem-local-secret',
  name: 'Tandem',
} as const;

export const DEFAULT_REDIRECT_URIS = ['http://127.0.0.1:*', 'http://localhost:*'];

export interface TokenLifetimes {
  accessTokenSeconds: number;
  refreshTokenSeconds: number;
}

export class AuthState {
  passwords = new Map<number, string>();
  apiKeys = new Map<string, ApiKey>();
  clients = new Map<string, OAuthClient>();
  basicSessions = new Map<string, { userOid: number; token: string }>();
  browserSessions = new Map<string, { userOid: number; csrf: string }>();
  codes = new Map<string, Code>();
  accessTokens = new Map<string, Token>();
  refreshTokens = new Map<string, Token>();
  consents = new Set<string>();
  lifetimes: TokenLifetimes;
  rotateRefreshTokens: boolean;
  /** Say when the refresh token expires (`refresh_token_expires_in`); Rally itself does not. */
  reportRefreshTokenExpiry = false;
  private now: () => number;

  constructor(opts: {
    now: () => number;
    lifetimes: TokenLifetimes;
    rotateRefreshTokens: boolean;
  }) {
    this.now = opts.now;
    this.lifetimes = { ...opts.lifetimes };
    this.rotateRefreshTokens = opts.rotateRefreshTokens;
  }

  seed(adminApiKey: string, redirectUris: string[]): void {
    for (const u of SEEDED_USERS) {
      this.passwords.set(u.oid, u.password);
      const key = u.apiKey === DEFAULT_ADMIN_API_KEY ? adminApiKey : u.apiKey;
      this.apiKeys.set(key, { key, userOid: u.oid, readOnly: u.apiKeyReadOnly });
    }
    this.clients.set(DEFAULT_OAUTH_CLIENT.clientId, {
      ...DEFAULT_OAUTH_CLIENT,
      redirectUris: [...redirectUris],
    });
  }

  snapshot(): AuthSnapshot {
    return {
      passwords: Object.fromEntries([...this.passwords].map(([k, v]) => [String(k), v])),
      apiKeys: [...this.apiKeys.values()],
      clients: [...this.clients.values()],
      accessTokens: [...this.accessTokens.values()],
      refreshTokens: [...this.refreshTokens.values()],
      consents: [...this.consents],
    };
  }

  load(s: AuthSnapshot): void {
    this.passwords = new Map(Object.entries(s.passwords).map(([k, v]) => [Number(k), v]));
    this.apiKeys = new Map(s.apiKeys.map((k) => [k.key, k]));
    this.clients = new Map(s.clients.map((c) => [c.clientId, c]));
    this.accessTokens = new Map(s.accessTokens.map((t) => [t.token, t]));
    this.refreshTokens = new Map(s.refreshTokens.map((t) => [t.token, t]));
    this.consents = new Set(s.consents);
  }

  // ---- basic auth + security token ------------------------------------------------------------

  newBasicSession(userOid: number): string {
    const id = randomBytes(18).toString('hex').toUpperCase();
    this.basicSessions.set(id, { userOid, token: randomBytes(24).toString('base64url') });
    return id;
  }

  // ---- browser sessions -------------------------------------------------------------------------

  newBrowserSession(userOid: number): string {
    const id = randomBytes(24).toString('base64url');
    this.browserSessions.set(id, { userOid, csrf: randomBytes(16).toString('base64url') });
    return id;
  }

  // ---- OAuth ------------------------------------------------------------------------------------

  redirectAllowed(client: OAuthClient, uri: string): boolean {
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      return false;
    }
    if (url.hash) return false;
    return client.redirectUris.some((pattern) => {
      if (!pattern.includes('*')) return pattern === uri;
      const m = /^(https?):\/\/([^/:]+):\*(\/.*)?$/.exec(pattern);
      if (!m) return false;
      const [, scheme, host, path] = m;
      if (url.protocol !== `${scheme}:` || url.hostname !== host || url.port === '') return false;
      return path ? url.pathname.startsWith(path) : true;
    });
  }

  issueCode(c: Omit<Code, 'code' | 'expiresAt'>): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { ...c, code, expiresAt: this.now() + 60_000 });
    return code;
  }

  /** Redeem a code; returns an OAuth error name and description on failure. */
  redeemCode(
    code: string,
    clientId: string,
    redirectUri: string | undefined,
    verifier: string | undefined,
  ):
    | { ok: true; userOid: number; scope: string }
    | { ok: false; error: string; description: string } {
    const c = this.codes.get(code);
    this.codes.delete(code);
    if (!c || c.expiresAt < this.now())
      return {
        ok: false,
        error: 'invalid_grant',
        description: 'Invalid or expired authorization code',
      };
    if (c.clientId !== clientId)
      return {
        ok: false,
        error: 'invalid_grant',
        description: 'Authorization code was issued to another client',
      };
    if (redirectUri !== c.redirectUri)
      return {
        ok: false,
        error: 'invalid_grant',
        description: 'redirect_uri does not match the authorization request',
      };
    if (c.challenge) {
      if (!verifier)
        return { ok: false, error: 'invalid_grant', description: 'code_verifier is required' };
      const computed =
        c.challengeMethod === 'plain'
          ? verifier
          : createHash('sha256').update(verifier).digest('base64url');
      if (computed !== c.challenge)
        return { ok: false, error: 'invalid_grant', description: 'PKCE verification failed' };
    }
    return { ok: true, userOid: c.userOid, scope: c.scope };
  }

  issueTokens(clientId: string, userOid: number, scope: string): { access: Token; refresh: Token } {
    const now = this.now();
    const access: Token = {
      token: randomBytes(30).toString('base64url'),
      clientId,
      userOid,
      scope,
      expiresAt: now + this.lifetimes.accessTokenSeconds * 1000,
    };
    const refresh: Token = {
      token: randomBytes(16).toString('hex'),
      clientId,
      userOid,
      scope,
      expiresAt: now + this.lifetimes.refreshTokenSeconds * 1000,
    };
    this.accessTokens.set(access.token, access);
    this.refreshTokens.set(refresh.token, refresh);
    return { access, refresh };
  }

  /** The user of a valid access token, or a reason it is not valid. */
  accessTokenUser(token: string): { userOid: number } | 'unknown' | 'expired' {
    const t = this.accessTokens.get(token);
    if (!t) return 'unknown';
    if (t.expiresAt <= this.now()) return 'expired';
    return { userOid: t.userOid };
  }

  refresh(
    token: string,
    clientId: string,
  ):
    | { ok: true; access: Token; refresh: Token }
    | { ok: false; error: string; description: string } {
    const t = this.refreshTokens.get(token);
    if (!t || t.clientId !== clientId)
      return { ok: false, error: 'invalid_grant', description: 'Invalid refresh token' };
    if (t.expiresAt <= this.now()) {
      this.refreshTokens.delete(token);
      return { ok: false, error: 'invalid_grant', description: 'Refresh token has expired' };
    }
    const now = this.now();
    const access: Token = {
      token: randomBytes(30).toString('base64url'),
      clientId,
      userOid: t.userOid,
      scope: t.scope,
      expiresAt: now + this.lifetimes.accessTokenSeconds * 1000,
    };
    this.accessTokens.set(access.token, access);
    let refresh = t;
    if (this.rotateRefreshTokens) {
      this.refreshTokens.delete(token);
      refresh = {
        ...t,
        token: randomBytes(16).toString('hex'),
        expiresAt: now + this.lifetimes.refreshTokenSeconds * 1000,
      };
      this.refreshTokens.set(refresh.token, refresh);
    }
    return { ok: true, access, refresh };
  }

  /** Expire tokens now (control API). */
  expire(kind: 'access' | 'refresh' | 'all'): number {
    const past = this.now() - 1;
    let n = 0;
    const tokens = [
      ...(kind !== 'refresh' ? this.accessTokens.values() : []),
      ...(kind !== 'access' ? this.refreshTokens.values() : []),
    ];
    for (const t of tokens) {
      t.expiresAt = past;
      n++;
    }
    return n;
  }

  idToken(userOid: number, uuid: string, clientId: string): string {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const iat = Math.floor(this.now() / 1000);
    return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: uuid, aud: clientId, iat, exp: iat + this.lifetimes.accessTokenSeconds, jti: randomUUID(), oid: userOid })}.`;
  }
}
