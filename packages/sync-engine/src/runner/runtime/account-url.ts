import { checkRemoteHost } from './address-policy.ts';

export type AccountUrlResult = { ok: true; url: string } | { ok: false; message: string };

/**
 * The account an address names, as Tandem stores it: its origin (scheme, lowercased host, port
 * without the scheme's default; no path, no trailing slash). Null when it is no http(s) URL.
 * Two addresses name the same account only when these are equal.
 */
export function accountOrigin(input: string | null | undefined): string | null {
  const text = (input ?? '').trim();
  if (text === '') return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin;
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
): Promise<AccountUrlResult> {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter the URL you use to open your account' };
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
  return { ok: true, url: url.origin };
}
