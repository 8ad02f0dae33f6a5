import type { RecordType } from '@tandem/contracts';
import { integrationLogRepository } from '@tandem/storage';
import { type RoadmapFieldKey, recordMappingFor, snapshotAfterIncoming } from '../../core/index.ts';
import { SyncConflictError, SyncNotFoundError } from '../errors.ts';
import { loadRoadmapRecordWithin } from '../roadmap/roadmap-records.ts';
import { loadSnapshotWithin, saveSnapshotWithin } from '../roadmap/snapshot-store.ts';
import type { RunnerDeps } from '../runner-deps.ts';
import { applyEventWithin, loadSyncState } from '../sync/index.ts';
import { decideForRecord } from './record-decision.ts';

type Deps = RunnerDeps;

/**
 * A person settles a conflict: `roadmap` keeps Tandem's values and sends them to the remote;
 * `remote` takes the remote's values into the roadmap record (with the integration's origin, so
 * nothing is sent back). The engine's `conflict_resolved` decides; for taken values the snapshot
 * records that both sides agree again. One transaction; the send runs as a job afterwards.
 */
export async function resolveConflict(
  deps: Deps,
  input: {
    workspaceId: string;
    integrationId: string;
    recordType: RecordType;
    recordId: string;
    keep: 'roadmap' | 'remote';
    by: string;
  },
): Promise<void> {
  const sync = deps.sync.deps;
  await decideForRecord(deps, input, async ({ trx, row, record, runtime }) => {
    const mapping = recordMappingFor(runtime.config, record.kind);
    const current = await loadRoadmapRecordWithin(trx, deps.database.dialect, record);
    if (!current || current.workspaceId !== input.workspaceId)
      throw new SyncNotFoundError('Record');
    const state = await loadSyncState(trx, row.id, record);
    if (state.name !== 'conflict')
      throw new SyncConflictError(
        `There is no conflict to resolve on this ${record.kind} with ${row.name} any more`,
        { state: state.name },
      );
    const decision = await applyEventWithin(sync, trx, runtime, record, {
      type: 'conflict_resolved',
      keep: input.keep,
    });
    const now = sync.now();
    if (input.keep === 'remote' && mapping) {
      const applied = decision.effects.flatMap((e) =>
        e.type === 'applyLocal' ? (Object.keys(e.fields) as RoadmapFieldKey[]) : [],
      );
      const after = (await loadRoadmapRecordWithin(trx, deps.database.dialect, record)) ?? current;
      const stored = await loadSnapshotWithin(trx, row.id, record.id);
      const next = snapshotAfterIncoming({
        snapshot: stored,
        record: after,
        remote: null,
        mapping,
        applied,
        conflicted: [],
        now,
      });
      await saveSnapshotWithin(deps.database, trx, row.id, record, () => next, now);
    }
    const system = deps.connectors.displayNameOf(row.system);
    await integrationLogRepository(trx).append(
      {
        integrationId: row.id,
        workspaceId: row.workspaceId,
        recordType: record.kind,
        recordId: record.id,
        level: 'info',
        event: 'resolve',
        message:
          input.keep === 'roadmap'
            ? `${input.by} kept Tandem's values of ${state.fields.join(', ')}; they are sent to ${system}`
            : `${input.by} took ${system}'s values of ${state.fields.join(', ')} into the roadmap`,
        data: { keep: input.keep, fields: state.fields },
      },
      now.toISOString(),
    );
    return decision;
  });
}
