import type { RecordType } from '@tandem/contracts';
import { integrationLogRepository } from '@tandem/storage';
import { SyncConflictError } from '../errors.ts';
import type { RunnerDeps } from '../runner-deps.ts';
import { applyEventWithin, loadSyncState } from '../sync/index.ts';
import { decideForRecord } from './record-decision.ts';

type Deps = RunnerDeps;

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
  await decideForRecord(deps, input, async ({ trx, row, record, runtime }) => {
    const state = await loadSyncState(trx, row.id, record);
    if (state.name !== 'awaiting_approval')
      throw new SyncConflictError(`No changes of this ${record.kind} are waiting for approval`, {
        state: state.name,
      });
    const decision = await applyEventWithin(deps.sync.deps, trx, runtime, record, {
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
      deps.sync.deps.now().toISOString(),
    );
    return decision;
  });
}
