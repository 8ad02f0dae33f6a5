/** Query, read, create, update and delete for every WSAPI type. */
import type { Context } from 'hono';
import type { AppEnv, Sim } from '../context.ts';
import { MSG, RallyError } from '../errors.ts';
import { type TypeSpec, typeSpec } from '../state/schema.ts';
import type { RankSpec, Values, WriteContext } from '../state/store.ts';
import {
  defaultWorkspace,
  filterAndSort,
  inScope,
  paging,
  type QueryParams,
  scopeOf,
} from '../wsapi/query-run.ts';
import { API, parseFetch, Renderer } from '../wsapi/render.ts';

export function renderer(sim: Sim, c: Context<AppEnv>): Renderer {
  return new Renderer(sim.store, c.get('base'));
}

export function queryParams(c: Context<AppEnv>): QueryParams {
  const q = c.req.query();
  const pick = (name: string): string | undefined => {
    const key = Object.keys(q).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : q[key];
  };
  return {
    query: pick('query'),
    order: pick('order'),
    start: pick('start'),
    pagesize: pick('pagesize'),
    workspace: pick('workspace'),
    project: pick('project'),
    projectScopeUp: pick('projectScopeUp'),
    projectScopeDown: pick('projectScopeDown'),
  };
}

export function queryResult(
  total: number,
  start: number,
  pagesize: number,
  results: unknown[],
  warnings: string[],
) {
  return {
    QueryResult: {
      ...API,
      Errors: [],
      Warnings: warnings,
      TotalResultCount: total,
      StartIndex: start,
      PageSize: pagesize,
      Results: results,
    },
  };
}

export function handleQuery(
  sim: Sim,
  c: Context<AppEnv>,
  t: TypeSpec,
  warnings: string[],
): Response {
  const p = queryParams(c);
  const { start, pagesize } = paging(p, warnings);
  const scope = scopeOf(sim.store, p, c.get('principal').userOid);
  const candidates = [...sim.store.list(t)].filter((o) => inScope(o, t, scope));
  const all = filterAndSort(sim.store, t, candidates, p);
  const r = renderer(sim, c);
  const fetch = parseFetch(c.req.query('fetch'), false);
  const page = all.slice(start - 1, start - 1 + pagesize).map((o) => r.object(o, fetch));
  return c.json(queryResult(all.length, start, pagesize, page, warnings));
}

/** Single reads are keyed by the type name; portfolio items by their level (`Feature`). */
function envelopeKey(concreteType: string): string {
  const ct = typeSpec(concreteType);
  return ct.typePath.startsWith('PortfolioItem/') ? ct.elementName : ct.typePath;
}

export function handleRead(
  sim: Sim,
  c: Context<AppEnv>,
  t: TypeSpec,
  id: number | string,
  warnings: string[],
): Response {
  const o = sim.store.find(id, t);
  if (!o) throw new RallyError(MSG.notFound);
  const fetch = parseFetch(c.req.query('fetch'), true);
  const body = renderer(sim, c).object(o, fetch);
  body.Errors = [];
  body.Warnings = warnings;
  const type = body._type;
  delete body._type;
  body._type = type;
  return c.json({ [envelopeKey(o.type)]: body });
}

async function readBody(
  c: Context<AppEnv>,
  envelope: 'CreateResult' | 'OperationResult',
): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new RallyError(
      `Could not parse: Cannot parse input stream as JSON: ${(e as Error).message}`,
      { envelope },
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new RallyError('Could not parse: the request body must be a JSON object', { envelope });
  }
  return parsed as Record<string, unknown>;
}

/** `{ "<type>": { fields } }` → the fields (the key is matched loosely, as Rally does). */
function objectData(
  body: Record<string, unknown>,
  envelope: 'CreateResult' | 'OperationResult',
): { key: string; data: Values } {
  const [key, data] = Object.entries(body)[0] ?? [];
  if (!key || !data || typeof data !== 'object' || Array.isArray(data)) {
    throw new RallyError('Could not parse: Cannot find the object in the request body', {
      envelope,
    });
  }
  return { key, data: data as Values };
}

function writeContext(
  sim: Sim,
  c: Context<AppEnv>,
  bodyKey: string,
  warnings: string[],
): WriteContext {
  const p = c.get('principal');
  const ws = c.req.query('workspace');
  const wsObj = ws ? sim.store.resolveRef(ws) : undefined;
  return {
    userOid: p.userOid,
    workspaceOid: wsObj?.type === 'Workspace' ? wsObj.oid : defaultWorkspace(sim.store, p.userOid),
    warnings,
    bodyKey: bodyKey.toLowerCase(),
  };
}

export async function handleCreate(
  sim: Sim,
  c: Context<AppEnv>,
  t: TypeSpec,
  pathType: string,
  warnings: string[],
): Promise<Response> {
  const body = await readBody(c, 'CreateResult');
  const { key, data } = objectData(body, 'CreateResult');
  const ctx = writeContext(sim, c, key || pathType, warnings);
  const o = sim.store.create(t, data, ctx, rankSpec(sim, c));
  sim.changed();
  const fetch = parseFetch(c.req.query('fetch'), true);
  return c.json({
    CreateResult: {
      ...API,
      Errors: [],
      Warnings: warnings,
      Object: renderer(sim, c).object(o, fetch),
    },
  });
}

function rankSpec(sim: Sim, c: Context<AppEnv>): RankSpec | undefined {
  const above = c.req.query('rankAbove');
  const below = c.req.query('rankBelow');
  const to = c.req.query('rankTo');
  const anchor = (raw: string) => {
    const o = sim.store.resolveRef(raw);
    if (!o) throw new RallyError(`Could not read: Cannot find object to rank relative to: ${raw}`);
    return o.oid;
  };
  if (above) return { above: anchor(above) };
  if (below) return { below: anchor(below) };
  if (to) {
    const upper = to.toUpperCase();
    if (upper !== 'TOP' && upper !== 'BOTTOM')
      throw new RallyError(`Invalid rankTo value: ${to} (TOP or BOTTOM)`);
    return { to: upper };
  }
  return undefined;
}

export async function handleUpdate(
  sim: Sim,
  c: Context<AppEnv>,
  t: TypeSpec,
  id: number | string,
  pathType: string,
  warnings: string[],
): Promise<Response> {
  const o = sim.store.find(id, t);
  if (!o) throw new RallyError(MSG.notFound);
  const body = await readBody(c, 'OperationResult');
  const { key, data } = Object.keys(body).length
    ? objectData(body, 'OperationResult')
    : { key: pathType, data: {} };
  const ctx = writeContext(sim, c, key, warnings);
  sim.store.update(o, data, ctx, rankSpec(sim, c));
  sim.changed();
  const fetch = parseFetch(c.req.query('fetch'), true);
  return c.json({
    OperationResult: {
      ...API,
      Errors: [],
      Warnings: warnings,
      Object: renderer(sim, c).object(o, fetch),
    },
  });
}

export function handleDelete(
  sim: Sim,
  c: Context<AppEnv>,
  t: TypeSpec,
  id: number | string,
  warnings: string[],
): Response {
  const o = sim.store.find(id, t);
  if (!o) throw new RallyError('Cannot find object to delete');
  sim.store.delete(o, writeContext(sim, c, t.refPath, warnings));
  sim.changed();
  return c.json({ OperationResult: { ...API, Errors: [], Warnings: warnings } });
}
