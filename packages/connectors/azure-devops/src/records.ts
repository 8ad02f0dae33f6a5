/**
 * Work items: create and update with JSON Patch (`test` on `/rev` when the caller knows the
 * version: a stale one fails as `conflict`, never a blind overwrite), read, delete (to the
 * recycle bin), parent/child through Hierarchy links, lookup by idempotency token (WIQL).
 */
import type {
  ConnectorContext,
  CreateRecordInput,
  RecordScope,
  RemoteRecord,
  RemoteRef,
  UpdateRecordInput,
} from '@tandem/connector-kit';
import { RemoteError } from '@tandem/connector-kit';
import { AdoClient } from './client.ts';
import { tokenQuery, withTokenTags } from './idempotency.ts';
import type { AzureDevOpsConfig } from './spec.ts';
import { idFromUrl, PARENT, toRecord, type WorkItem, workItemUrl } from './work-item.ts';

type Ctx = ConnectorContext<AzureDevOpsConfig>;

export interface PatchOp {
  op: 'add' | 'replace' | 'remove' | 'test';
  path: string;
  value?: unknown;
}

const PATCH = 'application/json-patch+json';

/** Field paths escape `~` and `/` (RFC 6901); reference names rarely have either. */
const fieldPath = (name: string) => `/fields/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;

export function fieldOps(fields: Readonly<Record<string, unknown>>): PatchOp[] {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) =>
      value === null
        ? { op: 'remove', path: fieldPath(name) }
        : { op: 'add', path: fieldPath(name), value },
    );
}

const projectOf = (ctx: Ctx, scope?: RecordScope) =>
  encodeURIComponent(scope?.workspaceId ?? ctx.config.workspaceId);

async function patch(api: AdoClient, path: string, ops: PatchOp[], operation: string) {
  return api.json<WorkItem>('PATCH', path, operation, {
    query: { $expand: 'relations' },
    json: ops,
    contentType: PATCH,
  });
}

/**
 * The parent as a field: the engine sends a link as a field value (the parent's id), Azure DevOps
 * keeps it as a Hierarchy relation. Reads answer it as `System.Parent` too (work-item.ts).
 */
export const PARENT_FIELD = 'System.Parent';

const parentIdOf = (value: unknown): string | null =>
  value === null || value === undefined || value === '' ? null : String(value).replace(/^#/, '');

export async function createRecord(ctx: Ctx, input: CreateRecordInput): Promise<RemoteRecord> {
  const api = new AdoClient(ctx);
  const { 'System.Tags': tags, [PARENT_FIELD]: parentField, ...rest } = input.fields;
  const parent = input.parent?.id ?? parentIdOf(parentField);
  const areaPath = rest['System.AreaPath'] ?? input.scope.projectId ?? ctx.config.projectId;
  const ops: PatchOp[] = [
    ...fieldOps({ ...rest, 'System.AreaPath': areaPath }),
    {
      op: 'add',
      path: '/fields/System.Tags',
      value: withTokenTags(tags, '', input.idempotencyToken),
    },
  ];
  if (parent) {
    ops.push({
      op: 'add',
      path: '/relations/-',
      value: { rel: PARENT, url: workItemUrl(api.orgUrl, parent) },
    });
  }
  const item = await api.json<WorkItem>(
    'POST',
    `/${projectOf(ctx, input.scope)}/_apis/wit/workitems/$${encodeURIComponent(input.type)}`,
    'createRecord',
    { query: { $expand: 'relations' }, json: ops, contentType: PATCH },
  );
  return toRecord(api.orgUrl, item);
}

export async function readWorkItem(api: AdoClient, id: string, operation = 'readRecord') {
  return api.get<WorkItem>(`/_apis/wit/workitems/${encodeURIComponent(id)}`, operation, {
    $expand: 'relations',
  });
}

export async function readRecord(ctx: Ctx, ref: RemoteRef): Promise<RemoteRecord> {
  const api = new AdoClient(ctx);
  return toRecord(api.orgUrl, await readWorkItem(api, ref.id));
}

export async function updateRecord(
  ctx: Ctx,
  ref: RemoteRef,
  input: UpdateRecordInput,
): Promise<RemoteRecord> {
  const api = new AdoClient(ctx);
  const { 'System.Tags': tags, [PARENT_FIELD]: parentField, ...rest } = input.fields;
  const ops: PatchOp[] = [];
  if (input.expectedVersion !== undefined) {
    ops.push({ op: 'test', path: '/rev', value: Number(input.expectedVersion) });
  }
  ops.push(...fieldOps(rest));
  const current =
    tags !== undefined || parentField !== undefined
      ? await readWorkItem(api, ref.id, 'updateRecord.read')
      : undefined;
  if (current && parentField !== undefined) {
    const relations = current.relations ?? [];
    const at = relations.findIndex((r) => r.rel === PARENT);
    const wanted = parentIdOf(parentField);
    const has = at >= 0 ? idFromUrl(relations[at]?.url ?? '') : null;
    if (wanted !== has) {
      if (at >= 0) ops.push({ op: 'remove', path: `/relations/${at}` });
      if (wanted) {
        ops.push({
          op: 'add',
          path: '/relations/-',
          value: { rel: PARENT, url: workItemUrl(api.orgUrl, wanted) },
        });
      }
    }
  }
  if (current && tags !== undefined) {
    // The token tag stays, so an ambiguous create can still be looked up.
    ops.push({
      op: 'add',
      path: '/fields/System.Tags',
      value: withTokenTags(tags, current.fields?.['System.Tags']),
    });
  }
  if (ops.every((op) => op.op === 'test')) return readRecord(ctx, ref);
  const item = await patch(
    api,
    `/_apis/wit/workitems/${encodeURIComponent(ref.id)}`,
    ops,
    'updateRecord',
  );
  return toRecord(api.orgUrl, item);
}

export async function deleteRecord(ctx: Ctx, ref: RemoteRef): Promise<void> {
  const api = new AdoClient(ctx);
  await api.json('DELETE', `/_apis/wit/workitems/${encodeURIComponent(ref.id)}`, 'deleteRecord');
}

export async function findByIdempotencyToken(
  ctx: Ctx,
  input: { scope: RecordScope; type: string; idempotencyToken: string },
): Promise<RemoteRecord | null> {
  const api = new AdoClient(ctx);
  const result = await api.json<{ workItems?: { id: number }[] }>(
    'POST',
    `/${projectOf(ctx, input.scope)}/_apis/wit/wiql`,
    'findByIdempotencyToken',
    { json: { query: tokenQuery(input.idempotencyToken, input.type) }, idempotent: true },
  );
  const first = result?.workItems?.[0];
  if (!first) return null;
  return readRecord(ctx, { type: input.type, id: String(first.id) });
}

/** Puts `child` under `parent`, replacing the parent it had (a work item has one). */
export async function linkChild(
  ctx: Ctx,
  parent: RemoteRef,
  child: RemoteRef,
  attempt = 1,
): Promise<void> {
  const api = new AdoClient(ctx);
  const current = await readWorkItem(api, child.id, 'linkChild.read');
  const relations = current.relations ?? [];
  const existing = relations.findIndex((r) => r.rel === PARENT);
  const target = workItemUrl(api.orgUrl, parent.id);
  if (existing >= 0 && relations[existing]?.url.toLowerCase().endsWith(`/workitems/${parent.id}`)) {
    return;
  }
  const ops: PatchOp[] = [{ op: 'test', path: '/rev', value: current.rev }];
  if (existing >= 0) ops.push({ op: 'remove', path: `/relations/${existing}` });
  ops.push({ op: 'add', path: '/relations/-', value: { rel: PARENT, url: target } });
  try {
    await patch(api, `/_apis/wit/workitems/${encodeURIComponent(child.id)}`, ops, 'linkChild');
  } catch (error) {
    if (RemoteError.is(error) && error.kind === 'conflict' && attempt < 3) {
      // Someone saved the child meanwhile: try once more on its new revision.
      return linkChild(ctx, parent, child, attempt + 1);
    }
    throw error;
  }
}
