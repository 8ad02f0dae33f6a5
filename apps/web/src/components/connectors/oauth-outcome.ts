import type { ConnectorPresentation } from '@tandem/contracts';

type OAuthWords = NonNullable<ConnectorPresentation['authorize']['oauth']>;

/**
 * What the server's OAuth callback reports back (`?error=`), in the system's words; for any page
 * it returns to.
 */
export function oauthErrorMessage(
  code: string | null,
  words: OAuthWords | undefined,
): { title: string; text: string } | null {
  if (!code || !words) return null;
  return words.oauthErrors[code] ?? words.unknownError;
}

/** "25 December 2026". */
export function formatDay(iso: string, locale?: string): string {
  return new Date(iso).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}
