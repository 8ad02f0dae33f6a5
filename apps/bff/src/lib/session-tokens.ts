import { createHash, randomBytes } from 'node:crypto';
import { type Env, servedOverHttps } from '../env.ts';

export const SESSION_COOKIE = 'tandem_session';

/**
 * The session cookie's name and `Secure` flag. Over https it is `__Host-tandem_session`: the
 * browser then only accepts it `Secure`, for `/`, without a `Domain`, so a sibling subdomain or
 * a plain-http page cannot plant or overwrite it. Only that name is read then.
 */
export function sessionCookie(env: Pick<Env, 'PUBLIC_URL' | 'COOKIE_SECURE'>): {
  name: string;
  secure: boolean;
} {
  const https = servedOverHttps(env);
  return {
    name: https ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE,
    secure: https || env.COOKIE_SECURE,
  };
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored under a hash of the cookie value, so a leaked table grants nothing. */
export function sessionIdFor(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
