import { RemoteError } from '@tandem/connector-kit';
import type { ImportCandidateView, ImportedCandidate } from '@tandem/contracts';
import {
  type ImportCandidate,
  type IntegrationRow,
  importCandidatesRepository,
  integrationLogRepository,
} from '@tandem/storage';
import { callRemote, remoteCallFailed, SyncConflictError, SyncNotFoundError } from '../errors.ts';
import { inScope } from '../incoming/incoming-webhook.ts';
import { linkedRecordOf } from '../incoming/linked-records.ts';
import type { RunnerDeps } from '../runner-deps.ts';
import { importRemoteRecord } from './incoming-import.ts';

type Deps = RunnerDeps;

export const toCandidateView = (c: ImportCandidate): ImportCandidateView => ({
  remoteId: c.remoteId,
  remoteType: c.remoteType,
  formattedId: c.formattedId,
  name: c.name,
  url: c.url,
  recordKind: c.recordKind === 'feature' ? 'feature' : 'requirement',
  parentLabel: c.parentLabel,
  firstSeenAt: c.firstSeenAt,
});

async function openCandidate(deps: Deps, row: IntegrationRow, remoteId: string) {
  const candidate = await importCandidatesRepository(deps.database.db).find(row.id, remoteId);
  if (!candidate) throw new SyncNotFoundError('Import candidate');
  if (candidate.status !== 'open') {
    throw new SyncConflictError(`${candidate.formattedId} was already ${candidate.status}`);
  }
  return candidate;
}

async function referenceNumOf(deps: Deps, kind: 'feature' | 'requirement', id: string) {
  const row = await deps.database.db
    .selectFrom(kind === 'feature' ? 'features' : 'requirements')
    .select('reference_num')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.reference_num;
}

/**
 * Imports a candidate someone chose, as automatic import would have: read from the remote now
 * (it may have changed or gone), placed under its linked parent, linked with its snapshot.
 */
export async function importCandidate(
  deps: Deps,
  row: IntegrationRow,
  remoteId: string,
  by: { name: string },
): Promise<ImportedCandidate> {
  const candidate = await openCandidate(deps, row, remoteId);
  const repo = importCandidatesRepository(deps.database.db);
  const connection = await callRemote(deps.connectors.displayNameOf(row.system), () =>
    deps.sync.gateway.connect(row),
  );
  const at = () => deps.now().toISOString();
  let remote: Awaited<ReturnType<typeof connection.connector.readRecord>>;
  try {
    remote = await connection.connector.readRecord(connection.context, {
      type: candidate.remoteType,
      id: remoteId,
    });
  } catch (error) {
    if (RemoteError.is(error) && error.kind === 'not_found') {
      await repo.settle(row.id, remoteId, 'dismissed', at());
      throw new SyncConflictError(`${candidate.formattedId} no longer exists in the remote`);
    }
    throw remoteCallFailed(error, deps.connectors.displayNameOf(row.system));
  }
  const outcome = await importRemoteRecord(
    deps,
    row,
    remote,
    await inScope(deps, row, connection, remote),
    { event: 'import', received: `${by.name} chose to import ${candidate.formattedId}` },
    { chosen: true },
  );
  const linked = await linkedRecordOf(deps.database.db, row, remoteId);
  if (!linked || (linked.kind !== 'feature' && linked.kind !== 'requirement')) {
    throw new SyncConflictError(
      `${candidate.formattedId} was not imported (${outcome}); the integration log says why`,
    );
  }
  // Already in the roadmap (imported meanwhile): settled here too.
  await repo.settle(row.id, remoteId, 'imported', at());
  return {
    recordKind: linked.kind,
    recordId: linked.id,
    referenceNum: await referenceNumOf(deps, linked.kind, linked.id),
  };
}

/** Leaves a candidate out of the roadmap for good (it is not listed again). */
export async function dismissCandidate(
  deps: Deps,
  row: IntegrationRow,
  remoteId: string,
  by: { name: string },
): Promise<void> {
  const candidate = await openCandidate(deps, row, remoteId);
  const at = deps.now().toISOString();
  if (
    !(await importCandidatesRepository(deps.database.db).settle(row.id, remoteId, 'dismissed', at))
  )
    throw new SyncConflictError(`${candidate.formattedId} was settled by someone else meanwhile`);
  await integrationLogRepository(deps.database.db).append(
    {
      integrationId: row.id,
      workspaceId: row.workspaceId,
      level: 'info',
      event: 'import',
      message: `${by.name} dismissed import candidate ${candidate.formattedId} "${candidate.name}"; it stays out of the roadmap`,
      data: { remoteId, formattedId: candidate.formattedId, type: candidate.remoteType },
    },
    at,
  );
}
