/** A tiny browser for the simulator's login and consent pages: a cookie jar, manual redirects. */
export class Browser {
  readonly cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size)
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }

  postForm(url: string, form: Record<string, string>): Promise<Response> {
    return this.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }
}

const entities: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

export function hiddenFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    out[match[1] ?? ''] = (match[2] ?? '').replace(
      /&(amp|quot|#39|lt|gt);/g,
      (e) => entities[e] ?? e,
    );
  }
  return out;
}

/**
 * Follows Rally's authorization URL as a user would: logs in when asked, then allows (or denies)
 * access, and returns the URL Rally redirects back to.
 */
export async function authorizeInBrowser(
  browser: Browser,
  authorizationUrl: string,
  user: { username: string; password: string },
  decision: 'allow' | 'deny' = 'allow',
): Promise<string> {
  const origin = new URL(authorizationUrl).origin;
  let response = await browser.fetch(authorizationUrl);
  let html = await response.text();
  if (html.includes('Log in to Rally')) {
    response = await browser.postForm(`${origin}/login/oauth2/login`, {
      ...hiddenFields(html),
      username: user.username,
      password: user.password,
    });
    response = await browser.fetch(
      new URL(response.headers.get('location') ?? '', origin).toString(),
    );
    html = await response.text();
  }
  if (response.status === 200) {
    response = await browser.postForm(`${origin}/login/oauth2/consent`, {
      ...hiddenFields(html),
      decision,
    });
  }
  const location = response.headers.get('location');
  if (response.status !== 302 || !location)
    throw new Error(`no redirect back (${response.status})`);
  return location;
}
