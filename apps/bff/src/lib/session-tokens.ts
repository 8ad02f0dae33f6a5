import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'tandem_session';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored under a hash of the cookie value, so a leaked table grants nothing. */
export function sessionIdFor(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
