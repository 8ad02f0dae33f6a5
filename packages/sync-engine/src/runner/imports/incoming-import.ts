import type { RemoteRecord } from '@tandem/connector-kit';
import { importFeature, importRequirement, integrationContext, writeWithin } from '@tandem/roadmap';
import {
  type IntegrationRow,
  importCandidatesRepository,
  integrationLogRepository,
  type LogLevel,
  readBoolean,
} from '@tandem/storage';
import { sql } from 'kysely';
import {
  decideImport,
  type RecordRef,
  type RemoteRef,
  recordMappingFor,
  snapshotAfterSync,
} from '../../core/index.ts';
import { describeIssue, toRemoteSnapshot, type Via } from '../incoming/incoming-update.ts';
import { linkedParentsOf, linkedRecordOf } from '../incoming/linked-records.ts';
import { toRemoteValues } from '../roadmap/apply-local.ts';
import { loadRoadmapRecordWithin } from '../roadmap/roadmap-records.ts';
import type { RunnerDeps } from '../runner-deps.ts';
import { applyEventWithin } from '../sync/index.ts';

type Deps = RunnerDeps;

export type ImportOutcome = 'imported' | 'candidate' | 'skipped';

async function firstParkingLot(deps: Deps, workspaceId: string): Promise<string | null> {
  const releases = await deps.database.db
    .selectFrom('releases')
    .select(['id', 'parking_lot'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .execute();
  return releases.find((r) => readBoolean(r.parking_lot))?.id ?? null;
}

async function referenceOf(deps: Deps, parent: RecordRef | undefined): Promise<string> {
  if (!parent || (parent.kind !== 'feature' && parent.kind !== 'release')) return '';
  const table = parent.kind === 'feature' ? 'features' : 'releases';
  const row = await deps.database.db
    .selectFrom(table)
    .select(['reference_num', 'name'])
    .where('id', '=', parent.id)
    .executeTakeFirst();
  return row
    ? ` under ${parent.kind === 'feature' ? row.reference_num : `release ${row.name}`}`
    : '';
}

/**
 * A remote record Tandem has never seen, created (or moved) in the integrated project by someone
 * else. `decideImport` says whether it belongs in the roadmap (its type is mapped and it sits
 * under a linked parent). With *Automatically import new records* on, the roadmap record is made
 * through the roadmap's writer with the integration's origin and linked at once (snapshot
 * included), in one transaction; with it off, the log lists it as a candidate and nothing changes.
 */
export async function importRemoteRecord(
  deps: Deps,
  row: IntegrationRow,
  remote: RemoteRecord,
  inScope: boolean,
  via: Via,
  /** Someone chose to import this candidate: import it even with automatic import off. */
  options: { chosen?: boolean } = {},
): Promise<ImportOutcome> {
  const sync = deps.sync.deps;
  const db = deps.database.db;
  const runtime = await sync.integrations.runtime(row.id);
  const config = runtime.config;
  const mapping = config.recordMappings.find((m) => m.enabled && m.remoteType === remote.type);
  const resolveRecord = mapping
    ? await linkedParentsOf(db, row, mapping, remote.fields)
    : () => undefined;
  const theirs = toRemoteSnapshot(remote);
  const decision = decideImport({
    integration: options.chosen ? { ...config, importNewRecords: true } : config,
    remote: theirs,
    alreadyLinked: false,
    inScope,
    resolveRecord,
    firstParkingLotReleaseId: await firstParkingLot(deps, row.workspaceId),
  });
  const entry = (level: LogLevel, event: string, message: string, record?: RecordRef) => ({
    integrationId: row.id,
    workspaceId: row.workspaceId,
    recordType: record?.kind ?? null,
    recordId: record?.id ?? null,
    level,
    event,
    message,
    data: { remoteId: remote.id, formattedId: remote.formattedId, type: remote.type },
  });
  const append = (...entries: ReturnType<typeof entry>[]) =>
    integrationLogRepository(db).appendMany(
      entries.map((e) => ({ entry: e, at: deps.now().toISOString() })),
    );
  const label = `${remote.formattedId} "${String(remote.fields.Name ?? '')}"`;

  if (decision.action === 'skip') {
    await append(entry('info', 'import', `${via.received}; not imported: ${decision.message}`));
    return 'skipped';
  }
  const kindMapping = recordMappingFor(config, decision.kind);
  const parent = decision.parents.find((p) => p.kind === 'feature') ?? decision.parents[0];
  const where = await referenceOf(deps, parent);
  if (decision.kind !== 'feature' && decision.kind !== 'requirement') {
    await append(
      entry(
        'info',
        'import',
        `${via.received}; ${label}: importing ${decision.kind}s is not supported`,
      ),
    );
    return 'skipped';
  }
  if (decision.action === 'candidate') {
    await importCandidatesRepository(db).note(
      row.id,
      {
        remoteId: remote.id,
        remoteType: remote.type,
        formattedId: remote.formattedId,
        name: String(remote.fields.Name ?? ''),
        url: remote.url,
        recordKind: decision.kind,
        parentLabel: where.replace(/^ under /, '') || null,
      },
      deps.now().toISOString(),
    );
    await append(
      entry(
        'info',
        'import_candidate',
        `${via.received}; import candidate: ${label} would become a ${decision.kind}${where}. Automatically import new records is off, so it was not imported`,
      ),
    );
    return 'candidate';
  }
  const { values } = toRemoteValues(decision.fields);
  if (decision.kind === 'feature' && !values.releaseId) {
    await append(
      entry(
        'warn',
        'import',
        `${via.received}; ${label} was not imported: its release is not linked and the workspace has no parking-lot release`,
      ),
    );
    return 'skipped';
  }

  const imported = await db.transaction().execute(async (trx) => {
    // Two deliveries for one new record (created, then ranked) must not import it twice.
    if (deps.database.dialect === 'postgres')
      await sql`select pg_advisory_xact_lock(hashtext(${`import:${row.id}:${remote.id}`}))`.execute(
        trx,
      );
    if (await linkedRecordOf(trx, row, remote.id)) return null;
    const now = sync.now();
    const name = values.name || remote.formattedId;
    const made = await writeWithin(
      trx,
      deps.database,
      integrationContext(row.id, now),
      async (tx) =>
        decision.kind === 'feature'
          ? importFeature(tx, row.workspaceId, {
              ...values,
              name,
              releaseId: values.releaseId as string,
            })
          : importRequirement(tx, row.workspaceId, parent!.id, { ...values, name }),
    );
    const record: RecordRef = { kind: decision.kind, id: made.row.id };
    const after = await loadRoadmapRecordWithin(trx, deps.database.dialect, record);
    const link: RemoteRef = {
      remoteId: remote.id,
      formattedId: remote.formattedId,
      url: remote.url,
      ref: remote.ref ?? null,
      remoteType: remote.type,
    };
    await applyEventWithin(
      sync,
      trx,
      runtime,
      record,
      { type: 'imported', remote: link },
      after && kindMapping ? { snapshot: snapshotAfterSync(after, theirs, kindMapping, now) } : {},
    );
    const lines = [
      entry(
        'info',
        'import',
        `${via.received}; imported ${label} as ${decision.kind} ${made.row.reference_num}${where}${decision.parkingLot ? ' in the parking lot (its release is not linked)' : ''}`,
        record,
      ),
      ...decision.issues.map((issue) => entry('warn', 'import', describeIssue(issue), record)),
      ...made.refused.map((r) =>
        entry('warn', 'import', `${r.key} was not brought in: ${r.message}`, record),
      ),
    ];
    await integrationLogRepository(trx).appendMany(
      lines.map((e) => ({ entry: e, at: now.toISOString() })),
    );
    await importCandidatesRepository(trx).settle(row.id, remote.id, 'imported', now.toISOString());
    return record;
  });
  if (!imported) {
    await append(entry('info', 'import', `${via.received}; ${label} is already in the roadmap`));
    return 'skipped';
  }
  return 'imported';
}
