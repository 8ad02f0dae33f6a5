/**
 * Bringing a remote change of a linked record in. The remote record as read now is diffed
 * against the last synced snapshot: what only the remote changed is applied (as the directions
 * allow), what both sides changed to different values is a conflict, and what only the roadmap
 * changed waits for the next send. Afterwards the snapshot takes exactly what both sides agree on,
 * so the next diff sees only what changes after this one.
 */
import type { FieldMapping, RecordMapping } from './config.ts';
import { type DiffInput, diffRecord, mappedPairs } from './diff.ts';
import { mapFromRemote } from './mapping/incoming.ts';
import type { MappingIssue } from './mapping/issues.ts';
import { mapToRemote } from './mapping/outgoing.ts';
import type {
  FieldValue,
  RemoteRecordSnapshot,
  RoadmapFieldKey,
  RoadmapRecord,
  SyncSnapshot,
} from './types.ts';
import { type RoadmapFieldChanges, readRoadmapField, valuesEqual } from './values.ts';

export interface IncomingPlan {
  /** Remote changes to apply to the roadmap record, already through the mappings. */
  readonly changes: RoadmapFieldChanges;
  /** Fields both sides changed since the last sync, with the remote's values (mapped). */
  readonly conflict: {
    readonly fields: readonly RoadmapFieldKey[];
    readonly theirs: RoadmapFieldChanges;
  } | null;
  /** What could not be brought in (an unmapped state or value, a parent that is not linked). */
  readonly issues: readonly MappingIssue[];
}

export function planIncoming(
  input: DiffInput & { readonly remote: RemoteRecordSnapshot },
): IncomingPlan {
  const plan = diffRecord(input);
  if (plan.conflicts.length === 0)
    return { changes: plan.incoming, conflict: null, issues: plan.incomingIssues };
  const mapped = mapFromRemote(input.remote, input.mapping, {
    mode: 'update',
    onlyRemoteFields: plan.conflicts.map((c) => c.remoteField),
    resolveRecord: input.resolveRecord,
  });
  // A remote value the mappings cannot carry (an unmapped state) cannot be taken either: it is
  // reported as an issue instead of shown as a choice.
  const fields = [...new Set(plan.conflicts.map((c) => c.roadmapField))].filter((f) =>
    Object.hasOwn(mapped.changes, f),
  );
  const theirs: RoadmapFieldChanges = {};
  for (const f of fields) theirs[f] = mapped.changes[f];
  return {
    changes: plan.incoming,
    conflict: fields.length > 0 ? { fields, theirs } : null,
    issues: [...plan.incomingIssues, ...mapped.issues],
  };
}

export interface SnapshotAfterIncoming {
  /** The stored snapshot; a link never synced has none, and gets none here. */
  readonly snapshot: SyncSnapshot | null;
  /** The roadmap record after the changes were applied. */
  readonly record: RoadmapRecord;
  /** The remote record as read for this change; null when nothing was read (a conflict taken). */
  readonly remote: RemoteRecordSnapshot | null;
  readonly mapping: RecordMapping;
  /** Roadmap fields just written from the remote. */
  readonly applied: readonly RoadmapFieldKey[];
  /** Roadmap fields in conflict now. */
  readonly conflicted: readonly RoadmapFieldKey[];
  readonly resolveRecord?: DiffInput['resolveRecord'];
  readonly now: Date;
}

/**
 * The snapshot after a remote change came in. Per mapped pair: a field just applied takes both
 * sides' current values; a field in conflict takes the remote's current value only (the roadmap
 * side stays at the base, so the conflict stays visible and a later remote edit is seen again);
 * a field both sides agree on takes both; anything else keeps its base.
 */
export function snapshotAfterIncoming(input: SnapshotAfterIncoming): SyncSnapshot | null {
  const { snapshot, record, remote, mapping } = input;
  if (snapshot === null) return null;
  const roadmap: Partial<Record<RoadmapFieldKey, FieldValue>> = { ...snapshot.roadmap };
  const remoteValues: Record<string, FieldValue> = { ...snapshot.remote };
  const current = (remoteField: string) => remote?.fields[remoteField] ?? null;
  for (const pair of mappedPairs(mapping)) {
    const ours = readRoadmapField(record, pair.roadmapField);
    if (input.applied.includes(pair.roadmapField)) {
      roadmap[pair.roadmapField] = ours;
      if (remote) remoteValues[pair.remoteField] = current(pair.remoteField);
    } else if (input.conflicted.includes(pair.roadmapField)) {
      if (remote) remoteValues[pair.remoteField] = current(pair.remoteField);
    } else if (remote && agree(record, remote, mapping, pair, input.resolveRecord)) {
      roadmap[pair.roadmapField] = ours;
      remoteValues[pair.remoteField] = current(pair.remoteField);
    }
  }
  return {
    roadmap,
    remote: remoteValues,
    roadmapVersion: record.version,
    remoteVersion: remote?.version ?? snapshot.remoteVersion,
    syncedAt: input.now.toISOString(),
  };
}

/**
 * The snapshot after an update was sent: the fields sent take the values of `fresh` (made from
 * the record and the remote's answer); every other field keeps its base, so a remote edit of
 * another field that landed meanwhile is still seen as a change when its webhook comes.
 */
export function snapshotAfterSend(
  stored: SyncSnapshot | null,
  fresh: SyncSnapshot,
  mapping: RecordMapping,
  sent: readonly RoadmapFieldKey[],
): SyncSnapshot {
  if (stored === null) return fresh;
  const roadmap: Partial<Record<RoadmapFieldKey, FieldValue>> = { ...stored.roadmap };
  const remote: Record<string, FieldValue> = { ...stored.remote };
  for (const pair of mappedPairs(mapping)) {
    if (!sent.includes(pair.roadmapField)) continue;
    roadmap[pair.roadmapField] = fresh.roadmap[pair.roadmapField] ?? null;
    remote[pair.remoteField] = fresh.remote[pair.remoteField] ?? null;
  }
  return { ...fresh, roadmap, remote };
}

function agree(
  record: RoadmapRecord,
  remote: RemoteRecordSnapshot,
  mapping: RecordMapping,
  pair: { roadmapField: RoadmapFieldKey; remoteField: string },
  resolveRecord: DiffInput['resolveRecord'],
): boolean {
  if (!Object.hasOwn(remote.fields, pair.remoteField)) return false;
  const theirs = remote.fields[pair.remoteField] ?? null;
  const ours = readRoadmapField(record, pair.roadmapField);
  const out = mapToRemote(record, mapping, { mode: 'update', only: [pair.roadmapField] }).fields;
  if (Object.hasOwn(out, pair.remoteField) && valuesEqual(out[pair.remoteField], theirs))
    return true;
  // Read as an update would read it, whatever the pair's direction.
  const back = mapFromRemote(
    remote,
    { ...mapping, fields: mapping.fields.map(bothWays) },
    {
      mode: 'update',
      onlyRemoteFields: [pair.remoteField],
      resolveRecord,
    },
  ).changes;
  return Object.hasOwn(back, pair.roadmapField) && valuesEqual(back[pair.roadmapField], ours);
}

const bothWays = (f: FieldMapping): FieldMapping => ({ ...f, direction: 'both' });
