/** Work items, revisions and updates as the REST API (identity objects) and service hooks (identity strings) write them. */
import { argumentError } from '../errors.ts';
import { findField } from '../process/fields.ts';
import { identityRef, identityString } from '../state/identities.ts';
import { current, type Relation, type Revision, type WorkItemRecord } from '../state/model.ts';
import type { Store } from '../state/store.ts';
import { renderRelation } from './relations.ts';

export type Expand = 'none' | 'relations' | 'fields' | 'links' | 'all';
const EXPANDS: Expand[] = ['none', 'relations', 'fields', 'links', 'all'];

/** `$expand` as a name in any case or as the client's enum number. */
export function parseExpand(value: string | undefined | null): Expand | null {
  if (value === undefined || value === null || value === '') return null;
  const n = Number(value);
  const e = Number.isInteger(n) ? EXPANDS[n] : EXPANDS.find((x) => x === value.toLowerCase());
  if (!e) throw argumentError(`The value '${value}' is not valid for $expand.`);
  return e;
}

export const FOREVER = '9999-01-01T00:00:00Z';

/** Kept on every revision but only returned when asked for (`fields=` or `$expand=fields|all`). */
const SHOWN_ON_REQUEST = new Set(['System.AreaId', 'System.IterationId']);

export interface RenderContext {
  store: Store;
  /** `http://host:port/{org}` */
  orgUrl: string;
  identities: 'ref' | 'string';
}

export function renderIdentity(ctx: RenderContext, id: unknown): unknown {
  const user = typeof id === 'string' ? ctx.store.user(id) : undefined;
  if (!user) return id;
  return ctx.identities === 'ref'
    ? identityRef(
        user,
        ctx.orgUrl.slice(0, ctx.orgUrl.lastIndexOf('/')),
        ctx.orgUrl.split('/').pop()!,
      )
    : identityString(user);
}

export function renderValue(ctx: RenderContext, ref: string, value: unknown): unknown {
  return findField(ref)?.type === 'identity' ? renderIdentity(ctx, value) : value;
}

function revisedDate(item: WorkItemRecord, rev: number): string {
  return item.revisions[rev]?.changedDate ?? FOREVER;
}

/** Every field of a revision, plus the bookkeeping ones when `withSystem`. */
export function fieldsOf(
  ctx: RenderContext,
  item: WorkItemRecord,
  r: Revision,
  withSystem: boolean,
) {
  const out: Record<string, unknown> = {};
  if (withSystem) {
    out['System.Id'] = item.id;
    out['System.Rev'] = r.rev;
    out['System.AuthorizedDate'] = r.changedDate;
    out['System.RevisedDate'] = revisedDate(item, r.rev);
    out['System.Watermark'] = r.watermark;
  }
  for (const [ref, value] of Object.entries(r.fields)) {
    if (withSystem || !SHOWN_ON_REQUEST.has(ref)) out[ref] = renderValue(ctx, ref, value);
  }
  return out;
}

export interface WorkItemView {
  fields?: string[] | null;
  expand?: Expand | null;
  /** Relations are part of create/update answers whenever there are some. */
  withRelations?: boolean;
  /** `url`/`self` point at this revision (`/revisions/{rev}`). */
  asRevision?: boolean;
  /** `url`/`self` point at the recycle bin (a deleted item). */
  inRecycleBin?: boolean;
}

export function renderWorkItem(
  ctx: RenderContext,
  item: WorkItemRecord,
  r: Revision,
  view: WorkItemView = {},
) {
  const base = `${ctx.orgUrl}/_apis/wit`;
  const url = view.inRecycleBin
    ? `${base}/recyclebin/${item.id}`
    : view.asRevision
      ? `${base}/workItems/${item.id}/revisions/${r.rev}`
      : `${base}/workItems/${item.id}`;
  const expand = view.expand ?? 'none';
  let fields: Record<string, unknown>;
  if (view.fields && view.fields.length > 0) {
    const all = fieldsOf(ctx, item, r, true);
    fields = {};
    for (const name of view.fields) {
      const ref = findField(name)?.referenceName ?? name;
      if (all[ref] !== undefined) fields[ref] = all[ref];
    }
  } else {
    fields = fieldsOf(ctx, item, r, expand === 'fields' || expand === 'all');
  }
  const relations =
    (view.withRelations || expand === 'relations' || expand === 'all') && r.relations.length > 0
      ? r.relations.map((x) => renderRelation(x, ctx.orgUrl))
      : undefined;
  const links =
    !view.fields?.length && (expand === 'none' || expand === 'links' || expand === 'all');
  const typeName = encodeURIComponent(String(r.fields['System.WorkItemType']));
  return {
    id: item.id,
    rev: r.rev,
    fields,
    ...(relations && { relations }),
    ...(links && {
      _links: {
        self: { href: url },
        workItemUpdates: { href: `${base}/workItems/${item.id}/updates` },
        workItemRevisions: { href: `${base}/workItems/${item.id}/revisions` },
        workItemComments: { href: `${base}/workItems/${item.id}/comments` },
        html: { href: `${ctx.orgUrl}/${item.projectId}/_workitems/edit/${item.id}` },
        workItemType: {
          href: `${ctx.orgUrl}/${item.projectId}/_apis/wit/workItemTypes/${typeName}`,
        },
        fields: { href: `${ctx.orgUrl}/${item.projectId}/_apis/wit/fields` },
      },
    }),
    url,
  };
}

export const renderCurrent = (ctx: RenderContext, item: WorkItemRecord, view: WorkItemView = {}) =>
  renderWorkItem(ctx, item, current(item), view);

type Change = { oldValue?: unknown; newValue?: unknown };

function relationDiff(ctx: RenderContext, before: Relation[], after: Relation[]) {
  const key = (r: Relation) => `${r.rel}|${r.url}`;
  const was = new Map(before.map((r) => [key(r), r]));
  const now = new Map(after.map((r) => [key(r), r]));
  const added = after.filter((r) => !was.has(key(r)));
  const removed = before.filter((r) => !now.has(key(r)));
  const updated = after.filter(
    (r) =>
      was.has(key(r)) &&
      JSON.stringify(was.get(key(r))!.attributes) !== JSON.stringify(r.attributes),
  );
  const out: Record<string, unknown> = {};
  if (added.length) out.added = added.map((r) => renderRelation(r, ctx.orgUrl));
  if (removed.length) out.removed = removed.map((r) => renderRelation(r, ctx.orgUrl));
  if (updated.length)
    out.updated = updated.map((r) => ({ rel: r.rel, url: renderRelation(r, ctx.orgUrl).url }));
  return Object.keys(out).length ? out : undefined;
}

/** WorkItemUpdate n: what revision n changed (update 1 holds only new values). */
export function renderUpdate(
  ctx: RenderContext,
  item: WorkItemRecord,
  rev: number,
  opts: { withLinks?: boolean } = {},
) {
  const r = item.revisions[rev - 1]!;
  const prev = rev > 1 ? item.revisions[rev - 2]! : null;
  const before = prev ? fieldsOf(ctx, item, prev, true) : {};
  const after = fieldsOf(ctx, item, r, true);
  if (prev) before['System.RevisedDate'] = r.changedDate;
  const fields: Record<string, Change> = {};
  for (const ref of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (ref === 'System.History' && !(ref in r.fields)) continue;
    const o = before[ref];
    const n = after[ref];
    if (prev && JSON.stringify(o) === JSON.stringify(n)) continue;
    fields[ref] = {
      ...(o !== undefined && { oldValue: o }),
      ...(n !== undefined && { newValue: n }),
    };
  }
  const relations = relationDiff(ctx, prev?.relations ?? [], r.relations);
  const user = ctx.store.user(r.changedBy);
  const base = `${ctx.orgUrl}/_apis/wit/workItems/${item.id}`;
  const revisedBy = user
    ? {
        ...identityRef(
          user,
          ctx.orgUrl.slice(0, ctx.orgUrl.lastIndexOf('/')),
          ctx.orgUrl.split('/').pop()!,
        ),
        name: identityString(user),
      }
    : { id: r.changedBy };
  return {
    id: rev,
    workItemId: item.id,
    rev,
    revisedBy,
    revisedDate: revisedDate(item, rev),
    fields,
    ...(relations && { relations }),
    ...(opts.withLinks && {
      _links: {
        self: { href: `${base}/updates/${rev}` },
        workItemUpdates: { href: `${base}/updates` },
        parent: { href: base },
      },
    }),
    url: `${base}/updates/${rev}`,
  };
}
