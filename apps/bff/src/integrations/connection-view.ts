import type { Connection } from '@tandem/contracts';
import type { IntegrationSecrets } from '@tandem/sync-engine/runner';

/**
 * Who the credentials connect as and how long they last, never a secret. `expiresAt` is the
 * grant's own expiry (its refresh token's) only when the remote said it; the access token's
 * expiry is reported apart, since Tandem renews that token by itself.
 */
export function toConnectionView(
  secrets: IntegrationSecrets,
  facts: { now: Date; fromTemplate: boolean; refused: boolean },
): Connection | null {
  const shared = { fromTemplate: facts.fromTemplate };
  if (secrets.apiKey) {
    return {
      kind: 'api_key',
      connectedAs: secrets.connectedAs ?? null,
      expiresAt: null,
      connectedAt: secrets.connectedAt ?? null,
      accessTokenExpiresAt: null,
      needsReauthorization: facts.refused,
      ...shared,
    };
  }
  const grant = secrets.oauth;
  if (!grant) return null;
  const now = facts.now.getTime();
  const passed = (iso: string | null | undefined) => Boolean(iso && Date.parse(iso) <= now);
  const grantExpired =
    passed(grant.refreshExpiresAt) || (!grant.refreshToken && passed(grant.expiresAt));
  return {
    kind: 'oauth2',
    connectedAs: grant.connectedAs ?? null,
    expiresAt: grant.refreshExpiresAt ?? null,
    connectedAt: grant.connectedAt ?? null,
    accessTokenExpiresAt: grant.expiresAt,
    needsReauthorization: facts.refused || grantExpired,
    ...shared,
  };
}
