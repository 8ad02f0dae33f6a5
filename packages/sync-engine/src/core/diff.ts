/**
 * Diffing a linked record against its last synced snapshot. Each mapped pair (field mapping or
 * relationship link) is compared on both sides against the values they had when they last
 * agreed: a change on one side becomes an update of the other (as the direction allows); a
 * change on both sides to different values becomes a conflict instead of an update.
 */
import type { FieldDirection, RecordMapping } from './config.ts';
import { sendsOut, takesIn } from './mapping/directions.ts';
import { type IncomingOptions, mapFromRemote } from './mapping/incoming.ts';
import type { MappingIssue } from './mapping/issues.ts';
import { mapToRemote, type OutgoingOptions } from './mapping/outgoing.ts';
import { parentField } from './mapping/parents.ts';
import type {
  FieldValue,
  RemoteRecordSnapshot,
  RoadmapFieldKey,
  RoadmapRecord,
  SyncSnapshot,
} from './types.ts';
import { type RoadmapFieldChanges, readRoadmapField, valuesEqual } from './values.ts';

/** One roadmap field paired with one remote field under one direction. */
export interface MappedPair {
  readonly roadmapField: RoadmapFieldKey;
  readonly remoteField: string;
  readonly direction: FieldDirection;
}

/** Every pair a record mapping syncs: its field mappings, then its relationship links. */
export function mappedPairs(mapping: RecordMapping): MappedPair[] {
  const pairs: MappedPair[] = mapping.fields.map((f) => ({
    roadmapField: f.roadmapField,
    remoteField: f.remoteField,
    direction: f.direction,
  }));
  for (const link of mapping.links) {
    const roadmapField = parentField(link.parentKind);
    if (roadmapField !== undefined)
      pairs.push({ roadmapField, remoteField: link.remoteField, direction: link.direction });
  }
  return pairs;
}

/** Both sides changed one field since the last sync, to values that do not agree. */
export interface FieldConflict {
  readonly roadmapField: RoadmapFieldKey;
  readonly remoteField: string;
  readonly base: { readonly roadmap: FieldValue; readonly remote: FieldValue };
  readonly ours: FieldValue;
  readonly theirs: FieldValue;
}

export interface UpdatePlan {
  /** Roadmap fields whose values go out, and the remote payload that carries them. */
  readonly outgoing: readonly RoadmapFieldKey[];
  readonly payload: Readonly<Record<string, FieldValue>>;
  /** Roadmap changes to apply from the remote. */
  readonly incoming: RoadmapFieldChanges;
  readonly conflicts: readonly FieldConflict[];
  readonly issues: readonly MappingIssue[];
  /** The issues of bringing the remote's changes in (an unmapped state or value, …). */
  readonly incomingIssues: readonly MappingIssue[];
}

export interface DiffInput {
  readonly record: RoadmapRecord;
  readonly mapping: RecordMapping;
  /** Null for a record linked to an existing remote record and never synced. */
  readonly snapshot: SyncSnapshot | null;
  /** The remote record as read now; without it only roadmap-side changes are found. */
  readonly remote?: RemoteRecordSnapshot;
  readonly resolveParent?: OutgoingOptions['resolveParent'];
  readonly resolveRecord?: IncomingOptions['resolveRecord'];
}

/**
 * The outgoing roadmap fields whose value differs from the snapshot (all of them when there is
 * no snapshot). This is what "the snapshot differs" means for a send plan.
 */
export function localChanges(
  record: RoadmapRecord,
  mapping: RecordMapping,
  snapshot: SyncSnapshot | null,
): RoadmapFieldKey[] {
  const changed = mappedPairs(mapping)
    .filter((p) => sendsOut(p.direction, 'update'))
    .filter(
      (p) =>
        snapshot === null ||
        !valuesEqual(readRoadmapField(record, p.roadmapField), snapshot.roadmap[p.roadmapField]),
    )
    .map((p) => p.roadmapField);
  return [...new Set(changed)];
}

export function diffRecord(input: DiffInput): UpdatePlan {
  const { record, mapping, snapshot, remote } = input;
  const outgoing: RoadmapFieldKey[] = [];
  const incomingRemoteFields: string[] = [];
  const conflicts: FieldConflict[] = [];
  const mappedOut = (key: RoadmapFieldKey) =>
    mapToRemote(record, mapping, {
      mode: 'update',
      only: [key],
      resolveParent: input.resolveParent,
    }).fields;
  const mappedIn = (remoteField: string) =>
    remote === undefined
      ? {}
      : mapFromRemote(remote, mapping, {
          mode: 'update',
          onlyRemoteFields: [remoteField],
          resolveRecord: input.resolveRecord,
        }).changes;

  for (const pair of mappedPairs(mapping)) {
    const out = sendsOut(pair.direction, 'update');
    const inn = takesIn(pair.direction, 'update');
    if (!out && !inn) continue;
    const ours = readRoadmapField(record, pair.roadmapField);
    const theirs = remote?.fields[pair.remoteField] ?? null;
    const hasRemote = remote !== undefined && Object.hasOwn(remote.fields, pair.remoteField);
    // Either way round: several remote states may share one status, which is sent as the first.
    const agree = () =>
      valuesEqual(mappedOut(pair.roadmapField)[pair.remoteField], theirs) ||
      (Object.hasOwn(mappedIn(pair.remoteField), pair.roadmapField) &&
        valuesEqual(mappedIn(pair.remoteField)[pair.roadmapField], ours));

    if (snapshot === null) {
      // Never synced: the roadmap is the source of truth wherever it may send.
      if (out && !(hasRemote && agree())) outgoing.push(pair.roadmapField);
      else if (inn && hasRemote && !out) incomingRemoteFields.push(pair.remoteField);
      continue;
    }
    const baseRoadmap = snapshot.roadmap[pair.roadmapField] ?? null;
    const baseRemote = snapshot.remote[pair.remoteField] ?? null;
    const localChanged = !valuesEqual(ours, baseRoadmap);
    const remoteChanged = hasRemote && !valuesEqual(theirs, baseRemote);

    if (localChanged && remoteChanged && out && inn) {
      if (!agree())
        conflicts.push({
          roadmapField: pair.roadmapField,
          remoteField: pair.remoteField,
          base: { roadmap: baseRoadmap, remote: baseRemote },
          ours,
          theirs,
        });
    } else if (localChanged && out) outgoing.push(pair.roadmapField);
    else if (remoteChanged && inn) incomingRemoteFields.push(pair.remoteField);
  }

  const sent =
    outgoing.length > 0
      ? mapToRemote(record, mapping, {
          mode: 'update',
          only: outgoing,
          resolveParent: input.resolveParent,
        })
      : { fields: {}, issues: [] };
  const received =
    remote !== undefined && incomingRemoteFields.length > 0
      ? mapFromRemote(remote, mapping, {
          mode: 'update',
          onlyRemoteFields: incomingRemoteFields,
          resolveRecord: input.resolveRecord,
        })
      : { changes: {}, issues: [] };
  const incoming: RoadmapFieldChanges = {};
  for (const [key, value] of Object.entries(received.changes) as [RoadmapFieldKey, FieldValue][])
    if (!valuesEqual(value, readRoadmapField(record, key))) incoming[key] = value;
  return {
    outgoing: [...new Set(outgoing)],
    payload: sent.fields,
    incoming,
    conflicts,
    issues: [...sent.issues, ...received.issues],
    incomingIssues: received.issues,
  };
}

/** True when an update plan has nothing to send, apply or resolve. */
export function isEmptyPlan(plan: UpdatePlan): boolean {
  return (
    plan.outgoing.length === 0 &&
    Object.keys(plan.incoming).length === 0 &&
    plan.conflicts.length === 0
  );
}

/** The snapshot to store once both sides agree (after a create, update or import). */
export function snapshotAfterSync(
  record: RoadmapRecord,
  remote: RemoteRecordSnapshot,
  mapping: RecordMapping,
  now: Date,
): SyncSnapshot {
  const roadmap: Partial<Record<RoadmapFieldKey, FieldValue>> = {};
  const remoteValues: Record<string, FieldValue> = {};
  for (const pair of mappedPairs(mapping)) {
    roadmap[pair.roadmapField] = readRoadmapField(record, pair.roadmapField);
    remoteValues[pair.remoteField] = remote.fields[pair.remoteField] ?? null;
  }
  return {
    roadmap,
    remote: remoteValues,
    roadmapVersion: record.version,
    remoteVersion: remote.version,
    syncedAt: now.toISOString(),
  };
}
