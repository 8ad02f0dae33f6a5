import { secureHeaders } from 'hono/secure-headers';
import { type Env, servedOverHttps } from '../env.ts';

const SELF = "'self'";

/**
 * The response headers of every answer, page or API. The SPA loads only its own bundled scripts,
 * styles and icons and talks only to this server (fetch and SSE), so everything is `'self'`; the
 * rich-text editor's base styles are bundled too (TipTap's inline <style> is switched off).
 * HSTS only when the app is served over https, as a plain-http demo would otherwise be pinned.
 */
export function securityHeaders(env: Pick<Env, 'PUBLIC_URL'>) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: [SELF],
      scriptSrc: [SELF],
      styleSrc: [SELF],
      imgSrc: [SELF],
      fontSrc: [SELF],
      connectSrc: [SELF],
      objectSrc: ["'none'"],
      baseUri: [SELF],
      formAction: [SELF],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'strict-origin-when-cross-origin',
    xFrameOptions: 'DENY',
    strictTransportSecurity: servedOverHttps(env) ? 'max-age=31536000; includeSubDomains' : false,
  });
}
