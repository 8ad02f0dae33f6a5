import type { RemoteRecord } from '@tandem/connector-kit';
import { type IntegrationRow, integrationLogRepository, type LogLevel } from '@tandem/storage';
import {
  type Decision,
  type FieldValue,
  type MappingIssue,
  planIncoming,
  type RecordRef,
  type RemoteRecordSnapshot,
  type RoadmapFieldKey,
  recordMappingFor,
  snapshotAfterIncoming,
} from '../../core/index.ts';
import { loadRoadmapRecordWithin } from '../roadmap/roadmap-records.ts';
import { loadSnapshotWithin, saveSnapshotWithin } from '../roadmap/snapshot-store.ts';
import type { RunnerDeps } from '../runner-deps.ts';
import { applyEventWithin, loadSyncState, queuesJobs } from '../sync/index.ts';
import { linkedParentsOf } from './linked-records.ts';

type Deps = RunnerDeps;

/** How the change arrived: the log event of the summary line and its opening words. */
export type Via = { event: string; received: string };

export type IncomingOutcome = 'applied' | 'conflict' | 'unchanged';

/** The remote record as the core compares it. */
export function toRemoteSnapshot(remote: RemoteRecord): RemoteRecordSnapshot {
  return {
    id: remote.id,
    formattedId: remote.formattedId,
    type: remote.type,
    fields: remote.fields as Record<string, FieldValue>,
    version: remote.version,
  };
}

export function describeIssue(issue: MappingIssue): string {
  switch (issue.code) {
    case 'unmapped_status':
      return `${issue.remoteField} "${String(issue.value)}" is mapped to no roadmap status, so the status stays`;
    case 'unmapped_value':
      return `${issue.remoteField} "${issue.values.join('", "')}" has no value in the value map, so ${issue.roadmapField} stays`;
    case 'parent_not_linked':
      return `${issue.remoteField} points at a ${issue.parentKind} that is not linked, so it stays`;
  }
}

/**
 * A change someone made in the remote to a linked record, brought into the roadmap. The remote
 * record as read now is diffed against the last synced snapshot (so a repeated or late delivery
 * finds nothing new); the result goes to the sync engine as `conflict_detected` and
 * `remote_changed`, whose `applyLocal` writes the roadmap record with the integration's origin;
 * the snapshot then takes what both sides agree on. All of it, with its log lines, in one
 * transaction.
 */
export async function bringRemoteChangeIn(
  deps: Deps,
  row: IntegrationRow,
  record: RecordRef,
  remote: RemoteRecord,
  via: Via,
): Promise<IncomingOutcome> {
  const sync = deps.sync.deps;
  const db = deps.database.db;
  const runtime = await sync.integrations.runtime(row.id);
  const mapping = recordMappingFor(runtime.config, record.kind);
  const log = (level: LogLevel, message: string, data?: unknown, event = 'receive') => ({
    integrationId: row.id,
    workspaceId: row.workspaceId,
    recordType: record.kind,
    recordId: record.id,
    level,
    event,
    message,
    data,
  });
  if (!mapping) {
    await integrationLogRepository(db).append(
      log(
        'info',
        `${via.received}; ${record.kind} records are not mapped, so nothing changes`,
        undefined,
        via.event,
      ),
      deps.now().toISOString(),
    );
    return 'unchanged';
  }
  const theirs = toRemoteSnapshot(remote);
  const resolveRecord = await linkedParentsOf(db, row, mapping, remote.fields);

  const { outcome, decisions } = await db.transaction().execute(async (trx) => {
    const now = sync.now();
    const lines: ReturnType<typeof log>[] = [];
    const current = await loadRoadmapRecordWithin(trx, deps.database.dialect, record);
    if (!current) return { outcome: 'unchanged' as const, decisions: [] };
    const stored = await loadSnapshotWithin(trx, row.id, record.id);
    const plan = planIncoming({
      record: current,
      mapping,
      snapshot: stored,
      remote: theirs,
      resolveRecord,
    });
    const decisions: Decision[] = [];
    if (plan.conflict)
      decisions.push(
        await applyEventWithin(sync, trx, runtime, record, {
          type: 'conflict_detected',
          fields: plan.conflict.fields,
          theirs: plan.conflict.theirs,
        }),
      );
    if (Object.keys(plan.changes).length > 0)
      decisions.push(
        await applyEventWithin(sync, trx, runtime, record, {
          type: 'remote_changed',
          changes: plan.changes,
        }),
      );
    const applied = decisions
      .flatMap((d) => d.effects)
      .flatMap((e) =>
        e.type === 'applyLocal' ? (Object.keys(e.fields) as RoadmapFieldKey[]) : [],
      );
    const state = await loadSyncState(trx, row.id, record);
    const conflicted = state.name === 'conflict' ? state.fields : [];
    const after = (await loadRoadmapRecordWithin(trx, deps.database.dialect, record)) ?? current;
    const next = snapshotAfterIncoming({
      snapshot: stored,
      record: after,
      remote: theirs,
      mapping,
      applied,
      conflicted,
      resolveRecord,
      now,
    });
    await saveSnapshotWithin(deps.database, trx, row.id, record, () => next, now);

    const outcome: IncomingOutcome =
      state.name === 'conflict' ? 'conflict' : applied.length > 0 ? 'applied' : 'unchanged';
    lines.push(
      log(
        'info',
        applied.length > 0
          ? `${via.received}; brought in ${applied.join(', ')}`
          : plan.conflict
            ? `${via.received}; changed on both sides: ${plan.conflict.fields.join(', ')}`
            : `${via.received}; no mapped field changed since the last sync, so nothing changes`,
        { remoteVersion: remote.version, applied, conflict: plan.conflict },
        via.event,
      ),
    );
    for (const issue of plan.issues) lines.push(log('warn', describeIssue(issue), issue));
    const at = now.toISOString();
    await integrationLogRepository(trx).appendMany(lines.map((entry) => ({ entry, at })));
    return { outcome, decisions };
  });
  if (decisions.some(queuesJobs)) sync.jobsAdded?.();
  return outcome;
}
