/** The building blocks of the transition table: what each kind of event does to a record. */
import { integrationOrigin, type RemoteRef, type RoadmapFieldKey } from '../types.ts';
import { intersect, type RoadmapFieldChanges, union } from '../values.ts';
import {
  DEBOUNCE_MS,
  type Debounce,
  type LinkTarget,
  MAX_ATTEMPTS,
  type RemoteOperation,
  retryDelayMs,
  type SyncContext,
  type SyncEffect,
  type SyncState,
} from './model.ts';

export interface Step {
  readonly state: SyncState;
  readonly effects: readonly SyncEffect[];
}

const iso = (ms: number) => new Date(ms).toISOString();
const without = <T>(a: readonly T[], b: readonly T[]) => a.filter((x) => !b.includes(x));
const keys = (changes: RoadmapFieldChanges) => Object.keys(changes) as RoadmapFieldKey[];
const pick = (
  changes: RoadmapFieldChanges,
  fields: readonly RoadmapFieldKey[],
): RoadmapFieldChanges =>
  Object.fromEntries(
    keys(changes)
      .filter((k) => fields.includes(k))
      .map((k) => [k, changes[k]]),
  );

export const log = (level: 'info' | 'warning' | 'error', message: string): SyncEffect => ({
  type: 'log',
  level,
  message,
});

/** The job key of a record's debounce; one record may be linked to several integrations. */
export const debounceJobKey = (ctx: SyncContext) =>
  `debounce:${ctx.record.id}:${ctx.integrationId}`;
export const retryJobKey = (ctx: SyncContext) => `retry:${ctx.record.id}:${ctx.integrationId}`;

/** A change this integration applied itself, coming back: never sent out again. */
export function isEcho(ctx: SyncContext, origin: string): boolean {
  return origin === integrationOrigin(ctx.integrationId);
}

/** The changed fields this integration sends out; edits to unmapped fields are no change. */
export function outgoingOnly(
  ctx: SyncContext,
  fields: readonly RoadmapFieldKey[],
): RoadmapFieldKey[] {
  return intersect(fields, ctx.outgoingFields);
}

/** The unsent outgoing work of a linked record: what waits for approval and for the pause. */
export interface Pending {
  readonly remote: RemoteRef;
  readonly approval: readonly RoadmapFieldKey[];
  readonly debounce: Debounce | null;
}

export function pendingOf(state: SyncState): Pending | undefined {
  switch (state.name) {
    case 'linked':
      return { remote: state.remote, approval: [], debounce: null };
    case 'update_pending':
      return { remote: state.remote, approval: [], debounce: state.debounce };
    case 'awaiting_approval':
      return { remote: state.remote, approval: state.approval, debounce: state.debounce };
    default:
      return undefined;
  }
}

export const unsent = (p: Pending) => union(p.approval, p.debounce?.fields ?? []);

/** The linked-family state that holds exactly this pending work. */
export function settle(p: Pending): SyncState {
  if (p.approval.length > 0)
    return {
      name: 'awaiting_approval',
      remote: p.remote,
      approval: p.approval,
      debounce: p.debounce,
    };
  if (p.debounce !== null)
    return { name: 'update_pending', remote: p.remote, debounce: p.debounce };
  return { name: 'linked', remote: p.remote };
}

/**
 * Local edits of outgoing fields: rich-text ones wait for a five-minute pause (each edit moves
 * the one debounce job); the others go out now in auto mode, or wait for approval.
 */
export function queueOutgoing(
  ctx: SyncContext,
  p: Pending,
  fields: readonly RoadmapFieldKey[],
  now: Date,
): Step {
  const rich = intersect(fields, ctx.richTextFields);
  const other = without(fields, rich);
  const effects: SyncEffect[] = [];
  let { approval, debounce } = p;
  if (rich.length > 0) {
    debounce = {
      fields: union(debounce?.fields ?? [], rich),
      dueAt: iso(now.getTime() + DEBOUNCE_MS),
    };
    effects.push({
      type: 'scheduleAt',
      at: debounce.dueAt,
      jobKey: debounceJobKey(ctx),
      mode: 'replace',
      event: { type: 'debounce_elapsed' },
    });
  }
  if (other.length > 0) {
    if (ctx.sendMode === 'auto') effects.push({ type: 'updateRemote', fields: other, attempt: 1 });
    else {
      approval = union(approval, other);
      effects.push({ type: 'requestApproval', fields: approval });
    }
  }
  return { state: settle({ remote: p.remote, approval, debounce }), effects };
}

/** The debounce job fired: if the pause is over, the rich-text changes go out (or to approval). */
export function debounceElapsed(ctx: SyncContext, p: Pending, now: Date): Step {
  if (p.debounce === null || now.getTime() < Date.parse(p.debounce.dueAt))
    return { state: settle(p), effects: [] };
  const fields = p.debounce.fields;
  if (ctx.sendMode === 'auto')
    return {
      state: settle({ ...p, debounce: null }),
      effects: [{ type: 'updateRemote', fields, attempt: 1 }],
    };
  const approval = union(p.approval, fields);
  return {
    state: settle({ ...p, approval, debounce: null }),
    effects: [{ type: 'requestApproval', fields: approval }],
  };
}

/**
 * Remote changes to a linked record: applied locally, stamped with this integration's origin so
 * they do not echo, unless a local change to the same field is still unsent: that is a conflict.
 */
export function receiveRemote(ctx: SyncContext, p: Pending, changes: RoadmapFieldChanges): Step {
  const clashing = intersect(keys(changes), unsent(p));
  const applied = pick(changes, without(keys(changes), clashing));
  const effects: SyncEffect[] = [];
  if (keys(applied).length > 0)
    effects.push({
      type: 'applyLocal',
      fields: applied,
      origin: integrationOrigin(ctx.integrationId),
    });
  if (clashing.length === 0) return { state: settle(p), effects };
  return enterConflict(
    p.remote,
    clashing,
    pick(changes, clashing),
    without(unsent(p), clashing),
    effects,
  );
}

export function enterConflict(
  remote: RemoteRef,
  fields: readonly RoadmapFieldKey[],
  theirs: RoadmapFieldChanges,
  held: readonly RoadmapFieldKey[],
  effects: readonly SyncEffect[] = [],
): Step {
  const message = `Changed on both sides since the last sync: ${fields.join(', ')}`;
  return {
    state: { name: 'conflict', remote, fields, theirs, held },
    effects: [...effects, log('warning', message), { type: 'notify', kind: 'conflict', message }],
  };
}

/** The record is linked to a remote record: store the link, attach it, send edits made meanwhile. */
export function becomeLinked(
  ctx: SyncContext,
  remote: RemoteRef,
  how: string,
  linkTo: readonly LinkTarget[],
  dirty: readonly RoadmapFieldKey[],
  now: Date,
): Step {
  const label = remote.formattedId ?? remote.remoteId;
  const effects: SyncEffect[] = [
    { type: 'saveLink', remote },
    log('info', `${how} ${label}`),
    { type: 'notify', kind: 'linked', message: `Linked to ${label}` },
    ...linkTo.map((target): SyncEffect => ({ type: 'linkChild', target })),
  ];
  const next = queueOutgoing(ctx, { remote, approval: [], debounce: null }, dirty, now);
  return { state: next.state, effects: [...effects, ...next.effects] };
}

/** A link broken from the remote side: the roadmap record stays, the link goes. */
export function breakLink(
  remote: RemoteRef,
  reason: 'moved_out_of_scope' | 'deleted_remotely',
): Step {
  const label = remote.formattedId ?? remote.remoteId;
  const message =
    reason === 'deleted_remotely'
      ? `${label} was deleted in the remote system; the link was removed`
      : `${label} moved out of the integrated project; the link was removed`;
  return {
    state: { name: 'link_broken', former: remote, reason },
    effects: [
      { type: 'clearLink' },
      log('warning', message),
      { type: 'notify', kind: 'link_broken', message },
    ],
  };
}

/**
 * A remote operation failed. Retryable failures are retried later through the scheduler (same
 * state, so a pending create stays pending); the last attempt or a permanent failure gives up.
 */
export function retryOrGiveUp(
  ctx: SyncContext,
  current: SyncState,
  event: {
    operation: Exclude<RemoteOperation, 'link'>;
    retryable: boolean;
    error: string;
    attempt: number;
    fields?: readonly RoadmapFieldKey[];
  },
  failed: SyncState,
  now: Date,
): Step {
  if (event.retryable && event.attempt < MAX_ATTEMPTS) {
    const at = iso(now.getTime() + retryDelayMs(event.attempt));
    const retry = {
      type: 'retry_due' as const,
      operation: event.operation,
      attempt: event.attempt + 1,
      ...(event.fields ? { fields: event.fields } : {}),
    };
    return {
      state: current,
      effects: [
        log(
          'warning',
          `${event.operation} failed (attempt ${event.attempt} of ${MAX_ATTEMPTS}): ${event.error}; retrying at ${at}`,
        ),
        { type: 'scheduleAt', at, jobKey: retryJobKey(ctx), mode: 'replace', event: retry },
      ],
    };
  }
  const message = `${event.operation} failed: ${event.error}`;
  return {
    state: failed,
    effects: [log('error', message), { type: 'notify', kind: 'send_failed', message }],
  };
}
