import type { RecordType } from '@tandem/contracts';
import { integrationLogRepository, integrationsRepository } from '@tandem/storage';
import type { RecordRef } from '@tandem/sync-engine';
import { applyEventWithin, loadSyncState, queuesJobs } from '@tandem/sync-engine/runner';
import type { AppDeps } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';

type Deps = Required<AppDeps>;

/**
 * *Approve outgoing changes*: a person sends a record's waiting changes (`approved`) or discards
 * them (`rejected`). One transaction; the update runs as a job afterwards.
 */
export async function decideOutgoing(
  deps: Deps,
  input: {
    workspaceId: string;
    integrationId: string;
    recordType: RecordType;
    recordId: string;
    decision: 'approve' | 'reject';
    by: string;
  },
): Promise<void> {
  const db = deps.database.db;
  const sync = deps.sync.deps;
  const row = await integrationsRepository(db).find(input.integrationId);
  if (!row || row.workspaceId !== input.workspaceId) throw AppError.notFound('Integration');
  const record: RecordRef = { kind: input.recordType, id: input.recordId };
  const runtime = await sync.integrations.runtime(row.id);

  const decision = await db.transaction().execute(async (trx) => {
    const state = await loadSyncState(trx, row.id, record);
    if (state.name !== 'awaiting_approval')
      throw AppError.conflict(`No changes of this ${record.kind} are waiting for approval`, {
        state: state.name,
      });
    const decision = await applyEventWithin(sync, trx, runtime, record, {
      type: input.decision === 'approve' ? 'approved' : 'rejected',
    });
    const fields = state.approval.join(', ');
    await integrationLogRepository(trx).append(
      {
        integrationId: row.id,
        workspaceId: row.workspaceId,
        recordType: record.kind,
        recordId: record.id,
        level: 'info',
        event: 'approval',
        message:
          input.decision === 'approve'
            ? `${input.by} approved sending ${fields} to ${row.name}`
            : `${input.by} rejected sending ${fields} to ${row.name}`,
        data: { decision: input.decision, fields: state.approval },
      },
      sync.now().toISOString(),
    );
    return decision;
  });
  if (queuesJobs(decision)) sync.jobsAdded?.();
}
