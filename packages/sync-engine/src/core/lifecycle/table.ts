/**
 * The exhaustive transition table: for every state and every event, either `ignore` (the state
 * stays, nothing happens) or a handler with the states it may lead to. The compiler insists on
 * every pair; `legalTransitions()` lists the handled ones, pinned by a test.
 */
import { integrationOrigin, type RoadmapFieldKey } from '../types.ts';
import { union } from '../values.ts';
import {
  becomeLinked,
  breakLink,
  debounceElapsed,
  enterConflict,
  isEcho,
  log,
  outgoingOnly,
  type Pending,
  pendingOf,
  queueOutgoing,
  receiveRemote,
  retryOrGiveUp,
  type Step,
  settle,
  unsent,
} from './handlers.ts';
import type { SyncContext, SyncEvent, SyncEventType, SyncState, SyncStateName } from './model.ts';

type StateOf<S extends SyncStateName> = Extract<SyncState, { name: S }>;
type EventOf<E extends SyncEventType> = Extract<SyncEvent, { type: E }>;
type Handler<St extends SyncState, E extends SyncEventType> = (
  state: St,
  event: EventOf<E>,
  ctx: SyncContext,
  now: Date,
) => Step;

export type Entry<St extends SyncState, E extends SyncEventType> =
  | { readonly kind: 'ignore' }
  | {
      readonly kind: 'handle';
      readonly to: readonly SyncStateName[];
      readonly run: Handler<St, E>;
    };

export type TransitionTable = {
  readonly [S in SyncStateName]: { readonly [E in SyncEventType]: Entry<StateOf<S>, E> };
};

const ignore = { kind: 'ignore' } as const;
const on = <St extends SyncState, E extends SyncEventType>(
  to: readonly SyncStateName[],
  run: Handler<St, E>,
): Entry<St, E> => ({ kind: 'handle', to, run });
const stay = (state: SyncState, ...effects: Step['effects']): Step => ({ state, effects });

const LINKED_FAMILY = ['linked', 'update_pending', 'awaiting_approval'] as const;

/** An update went out: both sides now hold these fields' values, so the snapshot takes them. */
const sentFields = (s: SyncState, fields: readonly RoadmapFieldKey[]): Step =>
  stay(s, log('info', `Sent ${fields.join(', ')}`), { type: 'saveSnapshot', fields });

/** *Unlink*: the roadmap side forgets the link; the remote record is left alone. */
const unlinkByHand = on<SyncState, 'unlink_requested'>(['unlinked'], () =>
  stay({ name: 'unlinked' }, { type: 'clearLink' }, log('info', 'Unlinked by hand')),
);

/** The handlers shared by the three linked states, which differ only in their pending work. */
type Family = (typeof LINKED_FAMILY)[number];
function linkedFamily(): { readonly [E in SyncEventType]: Entry<StateOf<Family>, E> } {
  const p = (s: StateOf<Family>): Pending => pendingOf(s)!;
  return {
    send_requested: on(['linked'], (s, _e, ctx) =>
      stay({ name: 'linked', remote: s.remote }, log('info', 'Update sent by hand'), {
        type: 'updateRemote',
        fields: ctx.outgoingFields,
        attempt: 1,
      }),
    ),
    create_succeeded: ignore,
    create_ambiguous_failure: ignore,
    lookup_found: ignore,
    lookup_not_found: ignore,
    local_changed: on([...LINKED_FAMILY], (s, e, ctx, now) =>
      isEcho(ctx, e.origin) ? stay(s) : queueOutgoing(ctx, p(s), outgoingOnly(ctx, e.fields), now),
    ),
    remote_changed: on([...LINKED_FAMILY, 'conflict'], (s, e, ctx) =>
      receiveRemote(ctx, p(s), e.changes),
    ),
    debounce_elapsed: on([...LINKED_FAMILY], (s, _e, ctx, now) => debounceElapsed(ctx, p(s), now)),
    approved: ignore,
    rejected: ignore,
    update_succeeded: on([...LINKED_FAMILY], (s, e) => sentFields(s, e.fields)),
    failed: on([...LINKED_FAMILY, 'failed'], (s, e, ctx, now) => {
      if (e.operation === 'link')
        return stay(s, log('error', `Linking failed: ${e.error}`), {
          type: 'notify',
          kind: 'send_failed',
          message: `Linking failed: ${e.error}`,
        });
      if (e.operation !== 'update') return stay(s);
      const fields = union(e.fields ?? [], unsent(p(s)));
      return retryOrGiveUp(
        ctx,
        s,
        { ...e, operation: 'update' },
        {
          name: 'failed',
          operation: 'update',
          remote: s.remote,
          error: e.error,
          unresolvedToken: null,
          fields,
        },
        now,
      );
    }),
    retry_due: on([...LINKED_FAMILY], (s, e) =>
      e.operation === 'update'
        ? stay(s, { type: 'updateRemote', fields: e.fields ?? [], attempt: e.attempt })
        : stay(s),
    ),
    conflict_detected: on(['conflict'], (s, e) =>
      enterConflict(
        s.remote,
        e.fields,
        e.theirs,
        unsent(p(s)).filter((f) => !e.fields.includes(f)),
      ),
    ),
    conflict_resolved: ignore,
    link_requested: on([...LINKED_FAMILY], (s, e) =>
      stay(s, { type: 'linkChild', target: e.target }),
    ),
    link_existing: ignore,
    imported: ignore,
    unlink_requested: unlinkByHand,
    moved_out_of_scope: on(['link_broken'], (s) => breakLink(s.remote, 'moved_out_of_scope')),
    deleted_remotely: on(['link_broken'], (s) => breakLink(s.remote, 'deleted_remotely')),
  };
}

const startCreate = (
  token: string,
  linkTo: StateOf<'create_pending'>['linkTo'],
  dirty: StateOf<'create_pending'>['dirty'],
): Step => ({
  state: { name: 'create_pending', token, attempt: 1, lookingUp: false, dirty, linkTo },
  effects: [log('info', 'Creating the remote record'), { type: 'createRemote', token, attempt: 1 }],
});

export const TRANSITIONS: TransitionTable = {
  unlinked: {
    send_requested: on(['create_pending'], (_s, e) => startCreate(e.token, e.linkTo ?? [], [])),
    create_succeeded: ignore,
    create_ambiguous_failure: ignore,
    lookup_found: ignore,
    lookup_not_found: ignore,
    local_changed: ignore,
    remote_changed: ignore,
    debounce_elapsed: ignore,
    approved: ignore,
    rejected: ignore,
    update_succeeded: ignore,
    failed: ignore,
    retry_due: ignore,
    conflict_detected: ignore,
    conflict_resolved: ignore,
    link_requested: ignore,
    link_existing: on([...LINKED_FAMILY], (_s, e, ctx, now) =>
      becomeLinked(ctx, e.remote, 'Linked with existing record', [], [], now),
    ),
    imported: on([...LINKED_FAMILY], (_s, e, ctx, now) =>
      becomeLinked(ctx, e.remote, 'Imported from', [], [], now),
    ),
    unlink_requested: ignore,
    moved_out_of_scope: ignore,
    deleted_remotely: ignore,
  },

  create_pending: {
    send_requested: on(['create_pending'], (s, e) =>
      stay(
        { ...s, linkTo: [...s.linkTo, ...(e.linkTo ?? [])] },
        log('info', 'A create is already in flight; not sending again'),
      ),
    ),
    create_succeeded: on([...LINKED_FAMILY], (s, e, ctx, now) =>
      becomeLinked(ctx, e.remote, 'Created', s.linkTo, s.dirty, now),
    ),
    create_ambiguous_failure: on(['create_pending'], (s, e) =>
      stay(
        { ...s, lookingUp: true },
        log('warning', `Create outcome unknown (${e.error}); looking it up before any retry`),
        { type: 'lookupByToken', token: s.token, attempt: 1 },
      ),
    ),
    lookup_found: on([...LINKED_FAMILY], (s, e, ctx, now) =>
      becomeLinked(
        ctx,
        e.remote,
        'Found the record created before the failure:',
        s.linkTo,
        s.dirty,
        now,
      ),
    ),
    lookup_not_found: on(['create_pending'], (s) =>
      s.lookingUp
        ? stay(
            { ...s, lookingUp: false, attempt: s.attempt + 1 },
            log('info', 'The remote has no record for this send; creating it again'),
            { type: 'createRemote', token: s.token, attempt: s.attempt + 1 },
          )
        : stay(s),
    ),
    local_changed: on(['create_pending'], (s, e, ctx) =>
      isEcho(ctx, e.origin)
        ? stay(s)
        : stay({ ...s, dirty: union(s.dirty, outgoingOnly(ctx, e.fields)) }),
    ),
    remote_changed: ignore,
    debounce_elapsed: ignore,
    approved: ignore,
    rejected: ignore,
    update_succeeded: ignore,
    failed: on(['create_pending', 'failed'], (s, e, ctx, now) => {
      if (e.operation !== 'create' && e.operation !== 'lookup') return stay(s);
      const unresolved = s.lookingUp || e.operation === 'lookup';
      const failed: SyncState = {
        name: 'failed',
        operation: 'create',
        remote: null,
        error: e.error,
        unresolvedToken: unresolved ? s.token : null,
        fields: s.dirty,
      };
      return retryOrGiveUp(ctx, s, { ...e, operation: e.operation }, failed, now);
    }),
    retry_due: on(['create_pending'], (s, e) => {
      if (e.operation === 'create' && !s.lookingUp)
        return stay(
          { ...s, attempt: e.attempt },
          { type: 'createRemote', token: s.token, attempt: e.attempt },
        );
      if (e.operation === 'lookup' || (e.operation === 'create' && s.lookingUp))
        return stay(s, { type: 'lookupByToken', token: s.token, attempt: e.attempt });
      return stay(s);
    }),
    conflict_detected: ignore,
    conflict_resolved: ignore,
    link_requested: on(['create_pending'], (s, e) =>
      stay({ ...s, linkTo: [...s.linkTo, e.target] }),
    ),
    link_existing: on(['create_pending'], (s) =>
      stay(s, log('warning', 'A create is in flight; link with an existing record once it ends')),
    ),
    imported: ignore,
    unlink_requested: on(['create_pending'], (s) =>
      stay(s, log('warning', 'A create is in flight; unlink once it ends')),
    ),
    moved_out_of_scope: ignore,
    deleted_remotely: ignore,
  },

  linked: linkedFamily(),
  update_pending: linkedFamily(),
  awaiting_approval: {
    ...linkedFamily(),
    approved: on(['linked', 'update_pending'], (s, e) => {
      const send =
        e.fields === undefined ? s.approval : s.approval.filter((f) => e.fields!.includes(f));
      const dropped = s.approval.length - send.length;
      return stay(
        settle({ remote: s.remote, approval: [], debounce: s.debounce }),
        log(
          'info',
          `Approved ${send.length} change(s)${dropped > 0 ? `, discarded ${dropped}` : ''}`,
        ),
        ...(send.length > 0 ? [{ type: 'updateRemote' as const, fields: send, attempt: 1 }] : []),
      );
    }),
    rejected: on(['linked', 'update_pending'], (s) =>
      stay(
        settle({ remote: s.remote, approval: [], debounce: s.debounce }),
        log('info', `Discarded ${s.approval.length} outgoing change(s)`),
      ),
    ),
  },

  conflict: {
    send_requested: on(['conflict'], (s) =>
      stay(s, log('warning', 'Resolve the conflict before sending this record')),
    ),
    create_succeeded: ignore,
    create_ambiguous_failure: ignore,
    lookup_found: ignore,
    lookup_not_found: ignore,
    local_changed: on(['conflict'], (s, e, ctx) =>
      isEcho(ctx, e.origin)
        ? stay(s)
        : stay({
            ...s,
            held: union(
              s.held,
              outgoingOnly(ctx, e.fields).filter((f) => !s.fields.includes(f)),
            ),
          }),
    ),
    remote_changed: on(['conflict'], (s, e, ctx) => {
      const theirs = { ...s.theirs };
      const applied: typeof theirs = {};
      for (const [k, v] of Object.entries(e.changes) as [
        keyof typeof theirs,
        (typeof theirs)[keyof typeof theirs],
      ][]) {
        if (s.fields.includes(k)) theirs[k] = v;
        else applied[k] = v;
      }
      return stay(
        { ...s, theirs },
        ...(Object.keys(applied).length > 0
          ? [
              {
                type: 'applyLocal' as const,
                fields: applied,
                origin: integrationOrigin(ctx.integrationId),
              },
            ]
          : []),
      );
    }),
    debounce_elapsed: ignore,
    approved: ignore,
    rejected: ignore,
    update_succeeded: on(['conflict'], (s, e) => sentFields(s, e.fields)),
    failed: on(['conflict'], (s, e) => stay(s, log('error', `${e.operation} failed: ${e.error}`))),
    retry_due: on(['conflict'], (s, e) =>
      stay(e.operation === 'update' ? { ...s, held: union(s.held, e.fields ?? []) } : s),
    ),
    conflict_detected: on(['conflict'], (s, e) =>
      stay({
        ...s,
        fields: union(s.fields, e.fields),
        theirs: { ...s.theirs, ...e.theirs },
        held: s.held.filter((f) => !e.fields.includes(f)),
      }),
    ),
    conflict_resolved: on([...LINKED_FAMILY], (s, e, ctx, now) => {
      const base: Pending = { remote: s.remote, approval: [], debounce: null };
      const then = queueOutgoing(ctx, base, s.held, now);
      const resolution: Step['effects'] =
        e.keep === 'roadmap'
          ? [{ type: 'updateRemote', fields: s.fields, attempt: 1 }]
          : [
              {
                type: 'applyLocal',
                fields: s.theirs,
                origin: integrationOrigin(ctx.integrationId),
              },
            ];
      return stay(
        then.state,
        log('info', `Conflict resolved: kept the ${e.keep} values of ${s.fields.join(', ')}`),
        ...resolution,
        ...then.effects,
      );
    }),
    link_requested: on(['conflict'], (s, e) => stay(s, { type: 'linkChild', target: e.target })),
    link_existing: ignore,
    imported: ignore,
    unlink_requested: unlinkByHand,
    moved_out_of_scope: on(['link_broken'], (s) => breakLink(s.remote, 'moved_out_of_scope')),
    deleted_remotely: on(['link_broken'], (s) => breakLink(s.remote, 'deleted_remotely')),
  },

  failed: {
    send_requested: on(['create_pending', 'linked'], (s, e, ctx) => {
      if (s.remote !== null)
        return stay({ name: 'linked', remote: s.remote }, log('info', 'Sending again by hand'), {
          type: 'updateRemote',
          fields: union(s.fields, ctx.outgoingFields),
          attempt: 1,
        });
      if (s.unresolvedToken !== null)
        return stay(
          {
            name: 'create_pending',
            token: s.unresolvedToken,
            attempt: 1,
            lookingUp: true,
            dirty: s.fields,
            linkTo: e.linkTo ?? [],
          },
          log('info', 'Looking up the earlier create before sending again'),
          { type: 'lookupByToken', token: s.unresolvedToken, attempt: 1 },
        );
      return startCreate(e.token, e.linkTo ?? [], s.fields);
    }),
    create_succeeded: ignore,
    create_ambiguous_failure: ignore,
    lookup_found: on(['failed', ...LINKED_FAMILY], (s, e, ctx, now) =>
      s.unresolvedToken !== null
        ? becomeLinked(
            ctx,
            e.remote,
            'Found the record created before the failure:',
            [],
            s.fields,
            now,
          )
        : stay(s),
    ),
    lookup_not_found: ignore,
    local_changed: on(['failed'], (s, e, ctx) =>
      isEcho(ctx, e.origin)
        ? stay(s)
        : stay({ ...s, fields: union(s.fields, outgoingOnly(ctx, e.fields)) }),
    ),
    remote_changed: on(['failed', 'conflict'], (s, e, ctx) => {
      if (s.remote === null) return stay(s);
      const step = receiveRemote(
        ctx,
        { remote: s.remote, approval: s.fields, debounce: null },
        e.changes,
      );
      return step.state.name === 'conflict' ? step : stay(s, ...step.effects);
    }),
    debounce_elapsed: ignore,
    approved: ignore,
    rejected: ignore,
    update_succeeded: ignore,
    failed: ignore,
    retry_due: ignore,
    conflict_detected: on(['failed', 'conflict'], (s, e) =>
      s.remote === null
        ? stay(s)
        : enterConflict(
            s.remote,
            e.fields,
            e.theirs,
            s.fields.filter((f) => !e.fields.includes(f)),
          ),
    ),
    conflict_resolved: ignore,
    link_requested: on(['failed'], (s, e) =>
      s.remote === null ? stay(s) : stay(s, { type: 'linkChild', target: e.target }),
    ),
    link_existing: on(['failed', ...LINKED_FAMILY], (s, e, ctx, now) =>
      s.remote === null
        ? becomeLinked(ctx, e.remote, 'Linked with existing record', [], [], now)
        : stay(s),
    ),
    imported: ignore,
    unlink_requested: unlinkByHand,
    moved_out_of_scope: on(['failed', 'link_broken'], (s) =>
      s.remote === null ? stay(s) : breakLink(s.remote, 'moved_out_of_scope'),
    ),
    deleted_remotely: on(['failed', 'link_broken'], (s) =>
      s.remote === null ? stay(s) : breakLink(s.remote, 'deleted_remotely'),
    ),
  },

  link_broken: {
    send_requested: on(['create_pending'], (_s, e) => startCreate(e.token, e.linkTo ?? [], [])),
    create_succeeded: ignore,
    create_ambiguous_failure: ignore,
    lookup_found: ignore,
    lookup_not_found: ignore,
    local_changed: ignore,
    remote_changed: ignore,
    debounce_elapsed: ignore,
    approved: ignore,
    rejected: ignore,
    update_succeeded: ignore,
    failed: ignore,
    retry_due: ignore,
    conflict_detected: ignore,
    conflict_resolved: ignore,
    link_requested: ignore,
    link_existing: on([...LINKED_FAMILY], (_s, e, ctx, now) =>
      becomeLinked(ctx, e.remote, 'Linked with existing record', [], [], now),
    ),
    imported: ignore,
    unlink_requested: on(['unlinked'], () =>
      stay({ name: 'unlinked' }, log('info', 'Cleared the broken link')),
    ),
    moved_out_of_scope: ignore,
    deleted_remotely: ignore,
  },
};
