/** Collections: `GET /{type}/{id}/{Collection}` and `POST .../{Collection}/add|remove`. */
import type { Context } from 'hono';
import type { AppEnv, Sim } from '../context.ts';
import { MSG, RallyError } from '../errors.ts';
import { findAttr, type TypeSpec, typeSpec } from '../state/schema.ts';
import { filterAndSort, paging } from '../wsapi/query-run.ts';
import { API, parseFetch } from '../wsapi/render.ts';
import { queryParams, queryResult, renderer } from './objects.ts';

function collectionAttr(t: TypeSpec, name: string) {
  const a = findAttr(t, name);
  if (a?.type !== 'COLLECTION' || a.hidden) {
    throw new RallyError(`Could not read: ${t.elementName} has no collection named ${name}`, {
      envelope: 'QueryResult',
      status: 404,
    });
  }
  return a;
}

export function handleCollectionQuery(
  sim: Sim,
  c: Context<AppEnv>,
  t: TypeSpec,
  id: number | string,
  name: string,
  warnings: string[],
): Response {
  const o = sim.store.find(id, t);
  if (!o) throw new RallyError(MSG.notFound, { envelope: 'QueryResult' });
  const a = collectionAttr(typeSpec(o.type), name);
  const p = queryParams(c);
  const { start, pagesize } = paging(p, warnings);
  const members = filterAndSort(sim.store, typeSpec(a.target ?? ''), sim.store.collection(o, a), p);
  const r = renderer(sim, c);
  const fetch = parseFetch(c.req.query('fetch'), false);
  const page = members.slice(start - 1, start - 1 + pagesize).map((m) => r.object(m, fetch));
  return c.json(queryResult(members.length, start, pagesize, page, warnings));
}

export async function handleCollectionWrite(
  sim: Sim,
  c: Context<AppEnv>,
  t: TypeSpec,
  id: number | string,
  name: string,
  op: 'add' | 'remove',
  warnings: string[],
): Promise<Response> {
  const o = sim.store.find(id, t);
  if (!o) throw new RallyError(MSG.notFound);
  const ot = typeSpec(o.type);
  const a = findAttr(ot, name);
  const target = a?.target ? typeSpec(a.target) : undefined;
  if (
    a?.type !== 'COLLECTION' ||
    !ot.creatable ||
    !target ||
    (a.inverse && !target.creatable && !target.subtypes)
  ) {
    throw new RallyError(`Cannot ${op} items of collection ${name} on ${ot.elementName}`);
  }
  let body: Record<string, unknown>;
  try {
    body = (await c.req.json()) as Record<string, unknown>;
  } catch {
    throw new RallyError('Could not parse: Cannot parse input stream as JSON');
  }
  const items = body.CollectionItems ?? body[a.name] ?? Object.values(body)[0];
  if (!Array.isArray(items))
    throw new RallyError('Could not parse: CollectionItems must be an array');
  const ctx = { userOid: c.get('principal').userOid, warnings };
  const changed =
    op === 'add'
      ? sim.store.addToCollection(o, a, items, ctx)
      : sim.store.removeFromCollection(o, a, items, ctx);
  sim.changed();
  const r = renderer(sim, c);
  const fetch = parseFetch(c.req.query('fetch'), false);
  return c.json({
    OperationResult: {
      ...API,
      Errors: [],
      Warnings: warnings,
      Results: changed.map((m) => r.object(m, fetch)),
    },
  });
}
