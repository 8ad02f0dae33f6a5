/**
 * Personal access tokens over HTTP Basic (any user name; only the password counts) or Bearer.
 * No usable token: 401 with TF400813 when the client sent `X-TFS-FedAuthRedirect: Suppress`
 * (the Node client does), otherwise the 203 sign-in page. A read-only token may read work items
 * and projects, and run queries; any other write is refused with 401 like a missing scope.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Sim } from '../context.ts';
import { unauthorized } from '../errors.ts';
import { SIGN_IN_PAGE } from './sign-in-page.ts';

export function tokenFrom(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value = ''] = header.trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer') return value || null;
  if (scheme?.toLowerCase() !== 'basic') return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : decoded || null;
}

/** Reads that travel as POST: WIQL, batch reads, the subscriptions query. */
const POST_READS = /\/_apis\/(wit\/(wiql|workitemsbatch)|hooks\/subscriptionsquery)(\/|$)/;

export function isWrite(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  return !(method === 'POST' && POST_READS.test(path));
}

export function authenticate(sim: Sim): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = tokenFrom(c.req.header('authorization'));
    const pat = token ? sim.tokens.valid(token, sim.now()) : undefined;
    const user = pat ? sim.store.user(pat.userId) : undefined;
    if (!pat || !user) {
      const suppress = c.req.header('x-tfs-fedauthredirect')?.toLowerCase() === 'suppress';
      if (!suppress) return c.html(SIGN_IN_PAGE, 203);
      const known = token ? sim.tokens.get(token) : undefined;
      throw unauthorized(known?.userId ?? '');
    }
    const path = c.req.path.toLowerCase();
    if (pat.scope === 'read' && (isWrite(c.req.method, path) || path.includes('/_apis/hooks/')))
      throw unauthorized(user.id);
    c.set('principal', { user, scope: pat.scope });
    await next();
  };
}
