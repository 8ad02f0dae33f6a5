/** What the server's OAuth callback reports back (`?error=`), said plainly; for any page it returns to. */
export const OAUTH_ERRORS: Record<string, { title: string; text: string }> = {
  denied: {
    title: 'Rally was not connected',
    text: 'Access was not granted on Rally’s page (Deny was pressed, or the page was closed). Nothing changed; connect again when you are ready.',
  },
  state_mismatch: {
    title: 'That answer from Rally could not be trusted',
    text: 'It did not belong to the connection started on this page (perhaps an old tab or link). Nothing was changed; connect again to start over.',
  },
  expired: {
    title: 'The connection took too long',
    text: 'Signing in to Rally has to be finished within a few minutes. Nothing was changed; connect again to start over.',
  },
  exchange_failed: {
    title: 'Rally signed you in, but the connection could not be finished',
    text: 'Tandem could not get its access from Rally. Check the Rally account URL and try again; if it keeps failing, use an API key instead.',
  },
};

export function oauthErrorMessage(code: string | null): { title: string; text: string } | null {
  if (!code) return null;
  return (
    OAUTH_ERRORS[code] ?? {
      title: 'Rally was not connected',
      text: 'Something went wrong while connecting. Nothing was saved. Try again.',
    }
  );
}

/** "25 December 2026". */
export function formatDay(iso: string, locale?: string): string {
  return new Date(iso).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}
