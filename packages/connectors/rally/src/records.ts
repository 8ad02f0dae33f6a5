/**
 * Create, read, update, delete and re-parent Rally records, normalised to `RemoteRecord`.
 * Writes ask Rally to answer with the whole object (`fetch=true`), so one call gives the new
 * version, FormattedID and fields.
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
import { assertKnownFields, fromRallyFields, toRallyFields } from './fields.ts';
import { stripMarker, tokenQuery, withToken } from './idempotency.ts';
import { idOfRef, relativeRef } from './refs.ts';
import type { RallyConfig } from './spec.ts';
import { detailSlug, parentField, parentFieldsOf, typeFromRallyName, typePath } from './types.ts';
import { type Query, type RallyObject, Wsapi } from './wsapi-client.ts';

type Ctx = ConnectorContext<RallyConfig>;

/** `{ above: ref }`, `{ below: ref }` or `'TOP' | 'BOTTOM'`, sent as `Rank` in the fields. */
export type RankInput = { above: RemoteRef } | { below: RemoteRef } | 'TOP' | 'BOTTOM';

function rankQuery(rank: unknown): Query {
  if (rank === undefined || rank === null) return {};
  if (rank === 'TOP' || rank === 'BOTTOM') return { rankTo: rank };
  if (typeof rank === 'object' && 'above' in rank) {
    return { rankAbove: relativeRef(rank.above as RemoteRef) };
  }
  if (typeof rank === 'object' && 'below' in rank) {
    return { rankBelow: relativeRef(rank.below as RemoteRef) };
  }
  throw new RemoteError('validation', 'Rank must be TOP, BOTTOM, { above } or { below }', {
    retryable: false,
    fieldErrors: [
      { field: 'Rank', message: 'must be TOP, BOTTOM, { above: ref } or { below: ref }' },
    ],
  });
}

export function browserUrl(
  config: Pick<RallyConfig, 'accountUrl'>,
  type: string,
  id: string,
): string {
  return `${config.accountUrl}/slm/#/detail/${detailSlug(type)}/${id}`;
}

export function toRemoteRecord(
  config: RallyConfig,
  fallbackType: string,
  object: RallyObject,
): RemoteRecord {
  const type = typeof object._type === 'string' ? typeFromRallyName(object._type) : fallbackType;
  const id = String(object.ObjectID ?? idOfRef(object._ref) ?? '');
  const fields = fromRallyFields(type, object, {
    timeZone: config.timeZone,
    stripNotes: stripMarker,
  });
  const parent = parentFieldsOf(type)
    .map((field) => idOfRef(object[field]))
    .find((value) => value !== null);
  const version = String(object._objectVersion ?? object.VersionId ?? '');
  const formattedId = String(object.FormattedID ?? object.Name ?? id);
  const scopeId = idOfRef(object.Project);
  return {
    id,
    formattedId,
    url: browserUrl(config, type, id),
    type,
    fields: { ...fields, _ref: object._ref, ObjectUUID: object.ObjectUUID },
    version: version || '0',
    updatedAt: String(object.LastUpdateDate ?? object.CreationDate ?? new Date(0).toISOString()),
    ...(parent ? { parentId: parent } : {}),
    ...(scopeId ? { scopeId } : {}),
    ...(typeof object._ref === 'string' && object._ref ? { ref: object._ref } : {}),
  };
}

const workspaceQuery = (workspaceId: string): Query => ({ workspace: `/workspace/${workspaceId}` });

/** What a create asks Rally to answer with: the record's identity, its parents, and `fields`. */
function fetchFor(type: string, fields: readonly string[] | undefined): string {
  if (!fields) return 'true';
  const identity = ['ObjectID', 'ObjectUUID', 'FormattedID', 'Name', 'VersionId'];
  const dates = ['CreationDate', 'LastUpdateDate'];
  return [...new Set([...identity, ...dates, ...parentFieldsOf(type), 'Project', ...fields])].join(
    ',',
  );
}

function projectScope(ctx: Ctx, scope: RecordScope): Query {
  return {
    workspace: `/workspace/${scope.workspaceId}`,
    project: `/project/${scope.projectId ?? ctx.config.projectId}`,
    projectScopeDown: true,
    projectScopeUp: false,
  };
}

export async function createRecord(ctx: Ctx, input: CreateRecordInput): Promise<RemoteRecord> {
  const api = new Wsapi(ctx);
  const { Rank: rank, ...rest } = input.fields;
  const rankParams = rankQuery(rank);
  await assertKnownFields(api, input.scope.workspaceId, input.type, {
    ...rest,
    // Rally would drop a token field it does not know, and with it our way back to the record.
    ...(ctx.config.idempotencyField === 'Notes' ? {} : { [ctx.config.idempotencyField]: '' }),
  });
  const body = await toRallyFields(api, input.type, rest, {
    workspaceId: input.scope.workspaceId,
    timeZone: ctx.config.timeZone,
  });
  if (input.parent) {
    const field = parentField(input.type, input.parent.type);
    if (!field) throw cannotParent(input.type, input.parent.type);
    body[field] = relativeRef(input.parent);
  }
  // New releases start in Planning, as Rally's own UI creates them.
  if (input.type === 'Release' && body.State === undefined) body.State = 'Planning';
  if (input.type !== 'Task' && body.Project === undefined) {
    body.Project = `/project/${input.scope.projectId ?? ctx.config.projectId}`;
  }
  const created = await api.create(
    input.type,
    withToken(ctx.config, body, input.idempotencyToken),
    {
      ...workspaceQuery(input.scope.workspaceId),
      fetch: fetchFor(input.type, input.returnFields),
    },
  );
  let object = created.object;
  if (Object.keys(rankParams).length > 0) {
    // The record exists now: a failed rank must not turn the create into a failure the engine
    // would retry. The request log shows it; the next update can rank again.
    const ref = { type: input.type, id: String(object.ObjectID) };
    const query = {
      ...workspaceQuery(input.scope.workspaceId),
      ...rankParams,
      fetch: fetchFor(input.type, input.returnFields),
    };
    object = await api
      .update(relativeRef(ref), input.type, {}, query, 'rankRecord')
      .then((ranked) => ranked.object)
      .catch(() => object);
  }
  return toRemoteRecord(ctx.config, input.type, object);
}

export async function readRecord(ctx: Ctx, ref: RemoteRef): Promise<RemoteRecord> {
  const api = new Wsapi(ctx);
  const object = await api.read(relativeRef(ref), { fetch: 'true' }, 'readRecord');
  return toRemoteRecord(ctx.config, ref.type, object);
}

export async function updateRecord(
  ctx: Ctx,
  ref: RemoteRef,
  input: UpdateRecordInput,
): Promise<RemoteRecord> {
  const api = new Wsapi(ctx);
  if (input.expectedVersion !== undefined) {
    // WSAPI has no conditional update: compare first. A write racing in between is caught by
    // the webhook or the next poll, which carry the version.
    const current = await api.read(relativeRef(ref), { fetch: 'VersionId' }, 'checkVersion');
    const version = String(current._objectVersion ?? current.VersionId ?? '');
    if (version !== input.expectedVersion) {
      throw new RemoteError(
        'conflict',
        `${ref.type} ${ref.id} changed in Rally (version ${version}, expected ${input.expectedVersion})`,
        { retryable: false },
      );
    }
  }
  const { Rank: rank, ...rest } = input.fields;
  await assertKnownFields(api, ctx.config.workspaceId, ref.type, rest);
  const body = await toRallyFields(api, ref.type, rest, {
    workspaceId: ctx.config.workspaceId,
    timeZone: ctx.config.timeZone,
  });
  const result = await api.update(relativeRef(ref), ref.type, body, {
    ...rankQuery(rank),
    fetch: 'true',
  });
  return toRemoteRecord(ctx.config, ref.type, result.object);
}

export async function deleteRecord(ctx: Ctx, ref: RemoteRef): Promise<void> {
  await new Wsapi(ctx).delete(relativeRef(ref), {});
}

export async function linkChild(ctx: Ctx, parent: RemoteRef, child: RemoteRef): Promise<void> {
  const field = parentField(child.type, parent.type);
  if (!field) throw cannotParent(child.type, parent.type);
  await new Wsapi(ctx).update(
    relativeRef(child),
    child.type,
    { [field]: relativeRef(parent) },
    {
      fetch: 'ObjectID',
    },
    'linkChild',
  );
}

export async function findByIdempotencyToken(
  ctx: Ctx,
  input: { scope: RecordScope; type: string; idempotencyToken: string },
): Promise<RemoteRecord | null> {
  const api = new Wsapi(ctx);
  const page = await api.query(
    `/${typePath(input.type)}`,
    {
      ...projectScope(ctx, input.scope),
      query: tokenQuery(ctx.config, input.idempotencyToken),
      fetch: 'true',
      order: 'CreationDate',
      pagesize: 2,
    },
    'findByIdempotencyToken',
  );
  const first = page.results[0];
  return first ? toRemoteRecord(ctx.config, input.type, first) : null;
}

function cannotParent(childType: string, parentType: string): RemoteError {
  const message = `A ${childType} cannot be put under a ${parentType} in Rally`;
  return new RemoteError('validation', message, {
    retryable: false,
    fieldErrors: [{ field: null, message }],
  });
}
