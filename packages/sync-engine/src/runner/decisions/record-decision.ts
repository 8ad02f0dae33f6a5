import type { RecordType } from '@tandem/contracts';
import { workspaceOfRecord } from '@tandem/roadmap';
import { type IntegrationRow, integrationsRepository } from '@tandem/storage';
import type { RecordRef } from '../../core/index.ts';
import { SyncNotFoundError } from '../errors.ts';
import type { RunnerDeps } from '../runner-deps.ts';
import { type IntegrationRuntime, queuesJobs, type Trx } from '../sync/index.ts';

type Deps = RunnerDeps;

/**
 * A person's decision about one record of one integration (approve its outgoing changes, settle
 * its conflict): finds the integration and the record in this workspace (either elsewhere is
 * not found), runs `decide` in one transaction with
 * the runtime resolved before it opens, and wakes the worker when the decision queued jobs.
 */
export async function decideForRecord(
  deps: Deps,
  input: { workspaceId: string; integrationId: string; recordType: RecordType; recordId: string },
  decide: (target: {
    trx: Trx;
    row: IntegrationRow;
    record: RecordRef;
    runtime: IntegrationRuntime;
  }) => Promise<Parameters<typeof queuesJobs>[0]>,
): Promise<void> {
  const row = await integrationsRepository(deps.database.db).find(input.integrationId);
  if (!row || row.workspaceId !== input.workspaceId) throw new SyncNotFoundError('Integration');
  const record: RecordRef = { kind: input.recordType, id: input.recordId };
  if ((await workspaceOfRecord(deps.database.db, record)) !== row.workspaceId)
    throw new SyncNotFoundError(`${record.kind[0]!.toUpperCase()}${record.kind.slice(1)}`);
  const runtime = await deps.sync.deps.integrations.runtime(row.id);
  const decision = await deps.database.db
    .transaction()
    .execute((trx) => decide({ trx, row, record, runtime }));
  if (queuesJobs(decision)) deps.sync.deps.jobsAdded?.();
}
