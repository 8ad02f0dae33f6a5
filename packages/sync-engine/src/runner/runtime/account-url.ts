import { checkRemoteHost } from './address-policy.ts';

export type AccountUrlResult = { ok: true; url: string } | { ok: false; message: string };

/**
 * The account an address names, as Tandem stores it: its origin (scheme, lowercased host, port
 * without the scheme's default) and the path a connector keeps (an Azure DevOps organisation:
 * `https://dev.azure.com/contoso`), without a trailing slash. Null when it is no http(s) URL.
 * Two addresses name the same account only when these are equal, so a token granted for one
 * organisation never follows the URL to another on the same host.
 */
export function accountOrigin(input: string | null | undefined): string | null {
  const text = (input ?? '').trim();
  if (text === '') return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/** Whether two addresses name the same account (see `accountOrigin`); never for a missing one. */
export function sameAccount(a: string | null | undefined, b: string | null | undefined): boolean {
  const left = accountOrigin(a);
  return left !== null && left === accountOrigin(b);
}

/**
 * Validates and normalises the account URL a user typed: scheme and host only (a pasted deep
 * link is cut back to its origin), https required for public hosts, private addresses refused
 * unless allowed.
 */
export async function normaliseAccountUrl(
  input: string,
  allowPrivate: boolean,
  /** The connector's own reading (`Connector.normalizeAccountUrl`): it may keep a path. */
  connectorNormalize?: (input: string) => string,
): Promise<AccountUrlResult> {
  let text = input.trim();
  if (text === '') return { ok: false, message: 'Enter the URL you use to open your account' };
  let path = '';
  if (connectorNormalize) {
    try {
      text = connectorNormalize(text);
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : 'Not a valid address' };
    }
    try {
      path = new URL(text).pathname.replace(/\/+$/, '');
    } catch {
      return { ok: false, message: 'This is not a valid URL' };
    }
  }
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, message: 'This is not a valid URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'Use an https:// address' };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Leave the user name and password out of the URL' };
  }
  const host = await checkRemoteHost(url.hostname, allowPrivate);
  if (!host.ok) return { ok: false, message: host.reason };
  if (url.protocol === 'http:' && !allowPrivate) {
    return { ok: false, message: 'Use an https:// address' };
  }
  return { ok: true, url: `${url.origin}${path}` };
}
