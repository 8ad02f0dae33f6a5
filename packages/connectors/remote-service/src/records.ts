/**
 * The port's record calls as protocol events: a feature or release create is `create_feature` /
 * `create_release`; a requirement travels inside its feature (`update_feature`); an update sends
 * the whole record, merged from what was sent before. Reads answer from the adapter's state.
 */
import { createHash } from 'node:crypto';
import {
  type CreateRecordInput,
  RemoteError,
  type RemoteRecord,
  type RemoteRef,
} from '@tandem/connector-kit';
import type { EventName, OkAnswer, Resource } from '@tandem/service-kit/protocol';
import { type Ctx, deliver, integrationIdOf, type ServiceLogSink } from './deliver.ts';
import { type Draft, featurePayload, releasePayload } from './payloads.ts';
import type { RecordKind, RecordState, ServiceStateStore } from './state-store.ts';

export const SCOPE_ID = 'records';
const RESOURCE: Record<RecordKind, Resource> = {
  feature: 'features',
  release: 'releases',
  requirement: 'requirements',
};

export interface Adapter {
  store: ServiceStateStore;
  onLog?: ServiceLogSink;
}

export const accountOf = (ctx: Ctx) => `${ctx.config.endpointUrl}#${integrationIdOf(ctx)}`;

export function kindOf(type: string): RecordKind {
  if (type === 'feature' || type === 'release' || type === 'requirement') return type;
  throw new RemoteError(
    'validation',
    `A remote service takes features, releases and requirements, not "${type}"`,
    {
      fieldErrors: [{ field: null, message: `unknown record type ${type}` }],
    },
  );
}

function stateOf(a: Adapter, ctx: Ctx, ref: RemoteRef): RecordState {
  const state = a.store.get(accountOf(ctx), kindOf(ref.type), ref.id);
  if (!state)
    throw new RemoteError(
      'not_found',
      `No ${ref.type} ${ref.id} was sent to ${ctx.config.service}`,
    );
  return state;
}

/** The event that carries `target` (for a requirement: its feature), and every record in it. */
function eventFor(
  a: Adapter,
  ctx: Ctx,
  target: Draft & { kind: RecordKind; parentId?: string },
  creating: boolean,
) {
  const account = accountOf(ctx);
  const service = ctx.config.service;
  const releaseOf = (feature: Draft) =>
    typeof feature.fields.release === 'string'
      ? a.store.get(account, 'release', feature.fields.release)
      : undefined;
  if (target.kind === 'release') {
    return {
      event: (creating ? 'create_release' : 'update_release') as EventName,
      payload: { release: releasePayload(target, service) },
      drafts: [target],
    };
  }
  if (target.kind === 'feature') {
    const release = releaseOf(target);
    const requirements = creating
      ? []
      : a.store.children(account, (target as RecordState).remoteId);
    return {
      event: (creating ? 'create_feature' : 'update_feature') as EventName,
      payload: { feature: featurePayload(target, release, requirements, service) },
      drafts: [target, ...(release ? [release] : []), ...requirements],
    };
  }
  if (!target.parentId) {
    throw new RemoteError(
      'validation',
      'A requirement is sent with its feature: create it under one',
      {
        fieldErrors: [{ field: null, message: 'a requirement needs a parent feature' }],
      },
    );
  }
  const feature = stateOf(a, ctx, { type: 'feature', id: target.parentId });
  const release = releaseOf(feature);
  const siblings = a.store
    .children(account, feature.remoteId)
    .filter((r) => r.handle !== target.handle);
  return {
    event: 'update_feature' as EventName,
    payload: { feature: featurePayload(feature, release, [...siblings, target], service) },
    drafts: [target, feature, ...(release ? [release] : []), ...siblings],
  };
}

/** Sends `target` and stores what the answer says about the records of the event. */
async function send(
  a: Adapter,
  ctx: Ctx,
  target: Draft & { kind: RecordKind; parentId?: string; remoteId?: string; version?: number },
  creating: boolean,
  key: string,
): Promise<RecordState> {
  const account = accountOf(ctx);
  const { event, payload, drafts } = eventFor(a, ctx, target, creating);
  const answer = await deliver(
    ctx,
    { event, idempotencyKey: key, metaData: a.store.metaData(account), payload },
    a.onLog,
  );
  const fieldsFor = (draft: Draft, kind: RecordKind) =>
    writesFor(answer, RESOURCE[kind], draft.handle);
  const ownFields = { ...target.integrationFields, ...fieldsFor(target, target.kind) };
  const remoteId = target.remoteId ?? ownFields.id;
  if (!remoteId) {
    throw new RemoteError(
      'unknown',
      `The service ${ctx.config.service} answered ${event} without an integration field "id" for the ${target.kind}; nothing was stored`,
      { retryable: false },
    );
  }
  // Only records of this event take integration fields: a service cannot write to others.
  for (const draft of drafts.slice(1) as RecordState[]) {
    const more = fieldsFor(draft, draft.kind);
    if (Object.keys(more).length > 0)
      a.store.put(account, {
        ...draft,
        integrationFields: { ...draft.integrationFields, ...more },
      });
  }
  const state: RecordState = {
    kind: target.kind,
    handle: target.handle,
    remoteId,
    fields: target.fields,
    integrationFields: ownFields,
    version: (target.version ?? 0) + 1,
    updatedAt: new Date().toISOString(),
    ...(target.parentId ? { parentId: target.parentId } : {}),
  };
  a.store.put(account, state);
  return state;
}

function writesFor(answer: OkAnswer, resource: Resource, handle: string): Record<string, string> {
  return Object.assign(
    {},
    ...answer.integration_fields
      .filter((w) => w.resource === resource && w.id === handle)
      .map((w) => w.fields),
  );
}

export async function createRecord(
  a: Adapter,
  ctx: Ctx,
  input: CreateRecordInput,
): Promise<RemoteRecord> {
  const kind = kindOf(input.type);
  const account = accountOf(ctx);
  const pending = {
    kind,
    fields: { ...input.fields },
    ...(input.parent ? { parentId: input.parent.id } : {}),
  };
  a.store.setPending(account, input.idempotencyToken, pending);
  try {
    const state = await send(
      a,
      ctx,
      { ...pending, handle: input.idempotencyToken, integrationFields: {} },
      kind !== 'requirement',
      input.idempotencyToken,
    );
    a.store.setPending(account, input.idempotencyToken, undefined);
    return toRemoteRecord(ctx, state);
  } catch (error) {
    // An ambiguous failure keeps the pending create, so the lookup can finish it safely.
    if (!(RemoteError.is(error) && error.ambiguous))
      a.store.setPending(account, input.idempotencyToken, undefined);
    throw error;
  }
}

export async function findByToken(
  a: Adapter,
  ctx: Ctx,
  token: string,
  type: string,
): Promise<RemoteRecord | null> {
  const account = accountOf(ctx);
  const done = a.store.byHandle(account, token);
  if (done) return done.kind === kindOf(type) ? toRemoteRecord(ctx, done) : null;
  const pending = a.store.pending(account, token);
  if (!pending) return null;
  // The service answers a repeated idempotency key as the first time, without acting twice.
  const state = await send(
    a,
    ctx,
    { ...pending, handle: token, integrationFields: {} },
    pending.kind !== 'requirement',
    token,
  );
  a.store.setPending(account, token, undefined);
  return toRemoteRecord(ctx, state);
}

export async function updateRecord(
  a: Adapter,
  ctx: Ctx,
  ref: RemoteRef,
  fields: Record<string, unknown>,
  expectedVersion?: string,
): Promise<RemoteRecord> {
  const state = stateOf(a, ctx, ref);
  if (expectedVersion !== undefined && expectedVersion !== String(state.version)) {
    throw new RemoteError(
      'conflict',
      `${ref.type} ${ref.id} changed since version ${expectedVersion}`,
    );
  }
  const merged = { ...state, fields: { ...state.fields, ...fields } };
  const key = createHash('sha256')
    .update(JSON.stringify([state.handle, merged.fields]))
    .digest('hex');
  return toRemoteRecord(ctx, await send(a, ctx, merged, false, key));
}

export async function linkChild(
  a: Adapter,
  ctx: Ctx,
  parent: RemoteRef,
  child: RemoteRef,
): Promise<void> {
  const state = stateOf(a, ctx, child);
  stateOf(a, ctx, parent);
  const moved = { ...state, parentId: parent.id };
  const key = createHash('sha256')
    .update(JSON.stringify([state.handle, 'parent', parent.id]))
    .digest('hex');
  await send(a, ctx, moved, false, key);
}

export function readRecord(a: Adapter, ctx: Ctx, ref: RemoteRef): RemoteRecord {
  return toRemoteRecord(ctx, stateOf(a, ctx, ref));
}

export function forgetRecord(a: Adapter, ctx: Ctx, ref: RemoteRef): void {
  stateOf(a, ctx, ref);
  a.store.remove(accountOf(ctx), kindOf(ref.type), ref.id);
}

function toRemoteRecord(ctx: Ctx, state: RecordState): RemoteRecord {
  const f = state.integrationFields;
  return {
    id: state.remoteId,
    formattedId: f.key || f.formatted_id || state.remoteId,
    url:
      safeLink(f.url) ??
      `${ctx.config.endpointUrl}#${state.kind}/${encodeURIComponent(state.remoteId)}`,
    type: state.kind,
    fields: { ...state.fields },
    version: String(state.version),
    updatedAt: state.updatedAt,
    scopeId: SCOPE_ID,
    ...(state.parentId ? { parentId: state.parentId } : {}),
  };
}

/** Only http(s) links are shown: a service must not put `javascript:` on a record. */
function safeLink(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
