/**
 * `ConnectorContext.credentials` for an OAuth integration: the stored grant, refreshed before it
 * expires (when less than two minutes are left) and saved again.
 */
import { RemoteError } from './errors.ts';
import type { Credential } from './model.ts';
import type { OAuthGrant } from './oauth.ts';

/** Refresh when less than this is left. */
export const refreshMarginMs = 2 * 60_000;

export function expiresSoon(grant: OAuthGrant, now: number, marginMs = refreshMarginMs): boolean {
  return grant.expiresAt !== null && Date.parse(grant.expiresAt) - now < marginMs;
}

/** Refreshes once, however many requests ask at the same moment. */
export function oauthCredentials(options: {
  load(): Promise<OAuthGrant>;
  save(grant: OAuthGrant): Promise<void>;
  refresh(grant: OAuthGrant): Promise<OAuthGrant>;
  now?: () => number;
  marginMs?: number;
}): () => Promise<Credential> {
  const now = options.now ?? Date.now;
  let refreshing: Promise<OAuthGrant> | null = null;
  return async () => {
    const grant = await options.load();
    if (!expiresSoon(grant, now(), options.marginMs)) return credentialOf(grant);
    refreshing ??= (async () => {
      try {
        const fresh = await options.refresh(grant);
        await options.save(fresh);
        return fresh;
      } finally {
        refreshing = null;
      }
    })();
    try {
      return credentialOf(await refreshing);
    } catch (error) {
      // A passing outage: the old token still works until it really expires.
      const stillValid = grant.expiresAt !== null && Date.parse(grant.expiresAt) > now();
      if (RemoteError.is(error) && error.kind !== 'auth' && stillValid) return credentialOf(grant);
      throw error;
    }
  };
}

function credentialOf(grant: OAuthGrant): Credential {
  return {
    kind: 'oauth2',
    accessToken: grant.accessToken,
    ...(grant.expiresAt ? { expiresAt: grant.expiresAt } : {}),
  };
}
