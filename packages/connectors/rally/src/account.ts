import { accountKey } from '@tandem/connector-kit';
import { normalizeAccountUrl } from './spec.ts';

/**
 * The transport's account key for Rally. Rally's 12-request limit is per user, so every
 * integration acting as the same Rally user (the `userId` of `checkConnection`) shares it.
 */
export function rallyAccountKey(accountUrl: string, rallyUserId: string): string {
  return accountKey('rally', normalizeAccountUrl(accountUrl), `user:${rallyUserId}`);
}
