import { RemoteError } from '@tandem/connector-kit';
import type { ImportCandidateView, ImportedCandidate } from '@tandem/contracts';
import {
  type ImportCandidate,
  type IntegrationRow,
  importCandidatesRepository,
  integrationLogRepository,
} from '@tandem/storage';
import type { AppDeps } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';
import { importRemoteRecord } from './incoming-import.ts';
import { inScope } from './incoming-webhook.ts';
import { linkedRecordOf } from './linked-records.ts';
import { callRemote, remoteFailure } from './remote-failure.ts';

type Deps = Required<AppDeps>;

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
  if (!candidate) throw AppError.notFound('Import candidate');
  if (candidate.status !== 'open') {
    throw AppError.conflict(`${candidate.formattedId} was already ${candidate.status}`);
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
  const connection = await callRemote(() => deps.sync.gateway.connect(row));
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
      throw AppError.conflict(`${candidate.formattedId} no longer exists in the remote`);
    }
    throw remoteFailure(error);
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
    throw AppError.conflict(
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
    throw AppError.conflict(`${candidate.formattedId} was settled by someone else meanwhile`);
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
