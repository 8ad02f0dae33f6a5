/**
 * WSAPI v2.0 under `/slm/webservice/v2.0/`: one dispatcher for every type, since Rally's paths
 * are uniform (`/{type}`, `/{type}/create`, `/{type}/{id}`, `/{type}/{id}/{Collection}[/add|/remove]`,
 * dynatypes such as `/portfolioitem/feature/{id}`, optional `.js` suffix, case-insensitive types).
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { requireWriteAccess, wsapiAuth } from '../auth/middleware.ts';
import type { AppEnv, Sim } from '../context.ts';
import { MSG, RallyError } from '../errors.ts';
import { findType, type TypeSpec } from '../state/schema.ts';
import { handleCollectionQuery, handleCollectionWrite } from './collections.ts';
import { handleCreate, handleDelete, handleQuery, handleRead, handleUpdate } from './objects.ts';
import { handleAuthorize } from './security.ts';

const ID = /^(-?\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;

export function wsapiRoutes(sim: Sim, limit: MiddlewareHandler<AppEnv>) {
  const app = new Hono<AppEnv>();
  app.use('*', wsapiAuth(sim));
  app.use('*', limit);
  app.all('*', async (c) => {
    const rest = decodeURIComponent(c.req.path.replace(/^.*?\/slm\/webservice\/v2\.0\/?/i, ''));
    const warnings: string[] = [];
    let segs = rest.split('/').filter(Boolean);
    const last = segs[segs.length - 1];
    if (last?.toLowerCase().endsWith('.js')) {
      segs = [...segs.slice(0, -1), last.slice(0, -3)];
      warnings.push('It is no longer necessary to append ".js" to WSAPI resources.');
    }
    const method = c.req.method.toUpperCase();
    const lower = segs.map((s) => s.toLowerCase());
    if (lower[0] === 'security' && lower[1] === 'authorize' && segs.length === 2) {
      return handleAuthorize(sim, c, warnings);
    }
    // Resolve the type: dynatype (two segments) first, then one segment.
    let type: TypeSpec | undefined;
    let tail: string[];
    const two = segs.length >= 2 ? findType(`${segs[0]}/${segs[1]}`) : undefined;
    if (two && !ID.test(segs[1] ?? '')) {
      type = two;
      tail = segs.slice(2);
    } else {
      type = findType(segs[0] ?? '');
      tail = segs.slice(1);
    }
    if (!type) {
      throw new RallyError(`Not able to find type: ${segs.join('/') || '(none)'}`, { status: 404 });
    }
    const bodyKey = segs.slice(0, type.refPath.includes('/') ? 2 : 1).join('/');
    if (tail.length === 0) {
      if (method !== 'GET')
        throw new RallyError(`Method ${method} is not allowed on a type`, { status: 405 });
      const self = lower[0] === 'user' || lower[0] === 'subscription';
      const q = c.req.query();
      const isQuery = ['query', 'start', 'pagesize', 'order'].some((k) =>
        Object.keys(q).some((x) => x.toLowerCase() === k),
      );
      if (self && !isQuery) {
        const p = c.get('principal');
        const oid = lower[0] === 'user' ? p.userOid : sim.store.subscriptionOid();
        return handleRead(sim, c, type, oid ?? -1, warnings);
      }
      return handleQuery(sim, c, type, warnings);
    }
    if (tail.length === 1 && tail[0]?.toLowerCase() === 'create') {
      if (method !== 'POST' && method !== 'PUT')
        throw new RallyError(`Method ${method} is not allowed for create`, { status: 405 });
      requireWriteAccess(sim, c);
      return handleCreate(sim, c, type, bodyKey, warnings);
    }
    const id = tail[0] ?? '';
    if (!ID.test(id))
      throw new RallyError(`Could not read: invalid object identifier "${id}"`, { status: 404 });
    const ident: number | string = /^-?\d+$/.test(id) ? Number(id) : id.toLowerCase();
    if (tail.length === 1) {
      if (method === 'GET') return handleRead(sim, c, type, ident, warnings);
      if (method === 'PUT' || method === 'POST') {
        requireWriteAccess(sim, c);
        return handleUpdate(sim, c, type, ident, bodyKey, warnings);
      }
      if (method === 'DELETE') {
        requireWriteAccess(sim, c);
        return handleDelete(sim, c, type, ident, warnings);
      }
      throw new RallyError(`Method ${method} is not allowed`, { status: 405 });
    }
    const collection = tail[1] ?? '';
    if (tail.length === 2 && method === 'GET')
      return handleCollectionQuery(sim, c, type, ident, collection, warnings);
    const op = tail[2]?.toLowerCase();
    if (
      tail.length === 3 &&
      (op === 'add' || op === 'remove') &&
      (method === 'POST' || method === 'PUT')
    ) {
      requireWriteAccess(sim, c);
      return handleCollectionWrite(sim, c, type, ident, collection, op, warnings);
    }
    throw new RallyError(MSG.notFound, { status: 404 });
  });
  return app;
}
