/** Running a WSAPI query: scope (workspace/project/up/down), filter, order, paging. */
import { RallyError } from '../errors.ts';
import { compile, compileOrder, parse } from '../query/index.ts';
import { findType, type TypeSpec } from '../state/schema.ts';
import type { RallyObject, Store } from '../state/store.ts';

export interface QueryParams {
  query?: string;
  order?: string;
  start?: string;
  pagesize?: string;
  workspace?: string;
  project?: string;
  projectScopeUp?: string;
  projectScopeDown?: string;
}

export const MAX_PAGESIZE = 2000;

export function paging(p: QueryParams, warnings: string[]): { start: number; pagesize: number } {
  let start = p.start === undefined ? 1 : Number(p.start);
  let pagesize = p.pagesize === undefined ? 20 : Number(p.pagesize);
  if (!Number.isInteger(start) || start < 1) start = 1;
  if (!Number.isInteger(pagesize) || pagesize < 1) {
    throw new RallyError(`The pagesize must be between 1 and ${MAX_PAGESIZE}`, {
      envelope: 'QueryResult',
    });
  }
  if (pagesize > MAX_PAGESIZE) {
    warnings.push(
      `The maximum page size is ${MAX_PAGESIZE}; the page size was set to ${MAX_PAGESIZE}.`,
    );
    pagesize = MAX_PAGESIZE;
  }
  return { start, pagesize };
}

function resolveScopeObject(store: Store, raw: string, typePath: string): RallyObject {
  const o = store.resolveRef(raw) ?? (/^\d+$/.test(raw) ? store.find(Number(raw)) : undefined);
  if (!o || o.type !== typePath) {
    throw new RallyError(`Could not read: Could not find ${typePath.toLowerCase()} ${raw}`, {
      envelope: 'QueryResult',
    });
  }
  return o;
}

/** The workspace and the set of projects in scope (null = whole workspace). */
export function scopeOf(
  store: Store,
  p: QueryParams,
  userOid: number,
): { workspace: number; projects: Set<number> | null } {
  let workspace: number | undefined;
  if (p.workspace) workspace = resolveScopeObject(store, p.workspace, 'Workspace').oid;
  if (p.project && p.project !== 'null') {
    const project = resolveScopeObject(store, p.project, 'Project');
    const pws = project.values.Workspace as number;
    if (workspace !== undefined && workspace !== pws) {
      throw new RallyError('Could not read: the project is not in the given workspace', {
        envelope: 'QueryResult',
      });
    }
    const down = (p.projectScopeDown ?? 'true').toLowerCase() !== 'false';
    const up = (p.projectScopeUp ?? 'false').toLowerCase() === 'true';
    const set = down ? store.projectDescendants(project.oid) : new Set([project.oid]);
    if (up) for (const a of store.projectAncestors(project.oid)) set.add(a);
    return { workspace: pws, projects: set };
  }
  if (workspace === undefined) workspace = defaultWorkspace(store, userOid);
  return { workspace, projects: null };
}

export function defaultWorkspace(store: Store, userOid: number): number {
  const profile = store.get(store.get(userOid)?.values.UserProfile as number);
  const ws = profile?.values.DefaultWorkspace;
  if (typeof ws === 'number') return ws;
  for (const w of store.list(findType('Workspace')!)) return w.oid;
  return -1;
}

export function filterAndSort(
  store: Store,
  t: TypeSpec,
  candidates: Iterable<RallyObject>,
  p: QueryParams,
): RallyObject[] {
  const predicate = p.query && p.query.trim() !== '' ? compile(store, t, parse(p.query)) : null;
  const sorter = compileOrder(store, t, p.order);
  const out: RallyObject[] = [];
  for (const o of candidates) if (!predicate || predicate(o)) out.push(o);
  return out.sort(sorter);
}

export function inScope(
  o: RallyObject,
  t: TypeSpec,
  scope: { workspace: number; projects: Set<number> | null },
): boolean {
  if (t.scope === 'subscription') return true;
  if (o.values.Workspace !== scope.workspace) return false;
  if (t.scope === 'project' && scope.projects)
    return scope.projects.has(o.values.Project as number);
  return true;
}
