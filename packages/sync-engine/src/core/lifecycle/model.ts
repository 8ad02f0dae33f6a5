/**
 * The values of one record's sync lifecycle for one integration: its state, the events that
 * move it, and the effects the runner performs. All plain, serialisable data (instants are
 * ISO-8601 strings) so the runner can store a state and its effects in one transaction.
 */
import type {
  IntegrationOrigin,
  RecordRef,
  RemoteRef,
  RoadmapFieldKey,
  RoadmapKind,
} from '../types.ts';
import type { RoadmapFieldChanges } from '../values.ts';

/** Rich-text edits are sent no sooner than this long after the most recent one. */
export const DEBOUNCE_MS = 5 * 60 * 1000;
/** Attempts of one remote operation before the record shows as failed. */
export const MAX_ATTEMPTS = 5;

/** 30 s, 1 min, 2 min, … capped at 15 min. Jitter is the transport's business. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 15 * 60 * 1000);
}

/** What decide needs to know about the record and its integration besides the state. */
export interface SyncContext {
  readonly integrationId: string;
  readonly record: RecordRef;
  readonly sendMode: 'auto' | 'approve';
  /** Roadmap fields this integration sends out on update; other edits are not outgoing changes. */
  readonly outgoingFields: readonly RoadmapFieldKey[];
  /** Fields edited in the rich-text editor, whose changes are debounced. */
  readonly richTextFields: readonly RoadmapFieldKey[];
}

/** A parent to attach the record to remotely, possibly sent by another integration. */
export interface LinkTarget {
  readonly parent: {
    readonly kind: RoadmapKind;
    readonly id: string;
    readonly integrationId: string;
  };
  readonly remoteField: string;
}

/** Rich-text changes waiting for the editing pause to end. */
export interface Debounce {
  readonly fields: readonly RoadmapFieldKey[];
  /** ISO-8601: not to be sent before this instant. */
  readonly dueAt: string;
}

export type SyncState =
  | { readonly name: 'unlinked' }
  | {
      /** A create was recorded with its token before calling the remote. */
      readonly name: 'create_pending';
      readonly token: string;
      readonly attempt: number;
      /** After an ambiguous failure: looking the token up before any retry. */
      readonly lookingUp: boolean;
      /** Fields edited while the create was in flight, sent once linked. */
      readonly dirty: readonly RoadmapFieldKey[];
      readonly linkTo: readonly LinkTarget[];
    }
  | { readonly name: 'linked'; readonly remote: RemoteRef }
  | { readonly name: 'update_pending'; readonly remote: RemoteRef; readonly debounce: Debounce }
  | {
      readonly name: 'awaiting_approval';
      readonly remote: RemoteRef;
      readonly approval: readonly RoadmapFieldKey[];
      readonly debounce: Debounce | null;
    }
  | {
      /** Both sides changed these fields; nothing is sent for the record until resolved. */
      readonly name: 'conflict';
      readonly remote: RemoteRef;
      readonly fields: readonly RoadmapFieldKey[];
      readonly theirs: RoadmapFieldChanges;
      /** Other unsent local changes, sent once the conflict is resolved. */
      readonly held: readonly RoadmapFieldKey[];
    }
  | {
      readonly name: 'failed';
      readonly operation: 'create' | 'update';
      /** Null when the create failed: the record has no remote counterpart. */
      readonly remote: RemoteRef | null;
      readonly error: string;
      /** A create token whose outcome is unknown: the next send looks it up first. */
      readonly unresolvedToken: string | null;
      readonly fields: readonly RoadmapFieldKey[];
    }
  | {
      readonly name: 'link_broken';
      readonly former: RemoteRef;
      readonly reason: 'moved_out_of_scope' | 'deleted_remotely';
    };

export type SyncStateName = SyncState['name'];
export const SYNC_STATE_NAMES = [
  'unlinked',
  'create_pending',
  'linked',
  'update_pending',
  'awaiting_approval',
  'conflict',
  'failed',
  'link_broken',
] as const satisfies readonly SyncStateName[];

/** The state of one record for one integration, with the context decide reads. */
export interface RecordSync {
  readonly context: SyncContext;
  readonly state: SyncState;
}

export type RemoteOperation = 'create' | 'lookup' | 'update' | 'link';

export type SyncEvent =
  /** *Send to <integration>*, by hand or as a plan step; the token names the create. */
  | {
      readonly type: 'send_requested';
      readonly token: string;
      readonly linkTo?: readonly LinkTarget[];
    }
  | { readonly type: 'create_succeeded'; readonly remote: RemoteRef }
  /** Timeout or dropped connection: the remote may or may not have the record. */
  | { readonly type: 'create_ambiguous_failure'; readonly error: string }
  | { readonly type: 'lookup_found'; readonly remote: RemoteRef }
  | { readonly type: 'lookup_not_found' }
  /** The roadmap record changed; `origin` is `user:<id>`, `integration:<id>`, … */
  | {
      readonly type: 'local_changed';
      readonly fields: readonly RoadmapFieldKey[];
      readonly origin: string;
    }
  /** The remote record changed; values already mapped through the incoming mappings. */
  | { readonly type: 'remote_changed'; readonly changes: RoadmapFieldChanges }
  | { readonly type: 'debounce_elapsed' }
  /** Outgoing changes approved, all or the ticked subset; the rest are discarded. */
  | { readonly type: 'approved'; readonly fields?: readonly RoadmapFieldKey[] }
  | { readonly type: 'rejected' }
  | { readonly type: 'update_succeeded'; readonly fields: readonly RoadmapFieldKey[] }
  | {
      readonly type: 'failed';
      readonly operation: RemoteOperation;
      readonly retryable: boolean;
      readonly error: string;
      readonly attempt: number;
      readonly fields?: readonly RoadmapFieldKey[];
    }
  | {
      readonly type: 'retry_due';
      readonly operation: Exclude<RemoteOperation, 'link'>;
      readonly attempt: number;
      readonly fields?: readonly RoadmapFieldKey[];
    }
  /** The runner's diff at send time found both sides changed these fields. */
  | {
      readonly type: 'conflict_detected';
      readonly fields: readonly RoadmapFieldKey[];
      readonly theirs: RoadmapFieldChanges;
    }
  | { readonly type: 'conflict_resolved'; readonly keep: 'roadmap' | 'remote' }
  | { readonly type: 'link_requested'; readonly target: LinkTarget }
  /** *Link with existing record*: no remote record is created. */
  | { readonly type: 'link_existing'; readonly remote: RemoteRef }
  /** The roadmap record was just created from this remote record (an import). */
  | { readonly type: 'imported'; readonly remote: RemoteRef }
  | { readonly type: 'unlink_requested' }
  | { readonly type: 'moved_out_of_scope' }
  | { readonly type: 'deleted_remotely' };

export type SyncEventType = SyncEvent['type'];
export const SYNC_EVENT_TYPES = [
  'send_requested',
  'create_succeeded',
  'create_ambiguous_failure',
  'lookup_found',
  'lookup_not_found',
  'local_changed',
  'remote_changed',
  'debounce_elapsed',
  'approved',
  'rejected',
  'update_succeeded',
  'failed',
  'retry_due',
  'conflict_detected',
  'conflict_resolved',
  'link_requested',
  'link_existing',
  'imported',
  'unlink_requested',
  'moved_out_of_scope',
  'deleted_remotely',
] as const satisfies readonly SyncEventType[];

export type SyncEffect =
  | { readonly type: 'createRemote'; readonly token: string; readonly attempt: number }
  | { readonly type: 'lookupByToken'; readonly token: string; readonly attempt: number }
  /** Send the current values of these fields (the runner maps and diffs them at send time). */
  | {
      readonly type: 'updateRemote';
      readonly fields: readonly RoadmapFieldKey[];
      readonly attempt: number;
    }
  | { readonly type: 'linkChild'; readonly target: LinkTarget }
  /** Deliver `event` back to decide at `at`; `replace` moves an existing job with the same key. */
  | {
      readonly type: 'scheduleAt';
      readonly at: string;
      readonly jobKey: string;
      readonly mode: 'replace' | 'preserve';
      readonly event: SyncEvent;
    }
  | { readonly type: 'requestApproval'; readonly fields: readonly RoadmapFieldKey[] }
  | {
      readonly type: 'applyLocal';
      readonly fields: RoadmapFieldChanges;
      readonly origin: IntegrationOrigin;
    }
  /** Write the integration fields (remote id, FormattedID, URL, ref) on the record. */
  | { readonly type: 'saveLink'; readonly remote: RemoteRef }
  /** Both sides now agree on these fields: store them in the last synced snapshot. */
  | { readonly type: 'saveSnapshot'; readonly fields: readonly RoadmapFieldKey[] }
  | { readonly type: 'clearLink' }
  | { readonly type: 'log'; readonly level: 'info' | 'warning' | 'error'; readonly message: string }
  | {
      readonly type: 'notify';
      readonly kind: 'linked' | 'send_failed' | 'conflict' | 'link_broken' | 'approval_needed';
      readonly message: string;
    };

export type SyncEffectType = SyncEffect['type'];

export interface Decision {
  readonly state: RecordSync;
  readonly effects: readonly SyncEffect[];
}
