/** A token is `tdm_` + 32 random bytes; only its SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'tdm_';

export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** What the UI shows to tell tokens apart: `tdm_AbCd…`. */
export function displayPrefix(secret: string): string {
  return `${secret.slice(0, TOKEN_PREFIX.length + 4)}…`;
}

export function looksLikeToken(value: string): boolean {
  return /^tdm_[A-Za-z0-9_-]{43}$/.test(value);
}
