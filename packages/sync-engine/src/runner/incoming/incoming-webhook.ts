import {
  type ProjectNode,
  type RemoteChange,
  RemoteError,
  type RemoteRecord,
} from '@tandem/connector-kit';
import { isActiveIntegration } from '@tandem/contracts';
import {
  type IntegrationRow,
  importCandidatesRepository,
  integrationLogRepository,
  integrationsRepository,
  type LogLevel,
} from '@tandem/storage';
import type { RecordRef } from '../../core/index.ts';
import { ancestorsOf, isInScope } from '../../core/index.ts';
import { type ImportOutcome, importRemoteRecord } from '../imports/incoming-import.ts';
import { loadSnapshotWithin } from '../roadmap/snapshot-store.ts';
import type { RunnerDeps } from '../runner-deps.ts';
import { loadEffective } from '../runtime/effective-integration.ts';
import type { RemoteConnection } from '../runtime/integration-runtime.ts';
import { applyEvent } from '../sync/index.ts';
import { isRollUp } from './echo-filter.ts';
import type { EchoTally } from './echo-tally.ts';
import { bringRemoteChangeIn, type IncomingOutcome } from './incoming-update.ts';
import { linkedRecordOf } from './linked-records.ts';

type Deps = RunnerDeps;

export type DeliveryOutcome =
  | 'duplicate'
  | 'unlinked'
  | 'link_broken'
  | 'own'
  /** A change the remote does not confirm (a deletion of a record it still has). */
  | 'refused'
  | IncomingOutcome
  | ImportOutcome;

/** How a change reached Tandem: pushed by the remote, or found by asking it what changed. */
export type ChangeSource = 'webhook' | 'poll';
const HEARD: Record<ChangeSource, string> = {
  webhook: 'Received webhook',
  poll: 'Found by polling',
};

function flatten(nodes: readonly ProjectNode[]): { id: string; parentId: string | null }[] {
  return nodes.flatMap((n) => [{ id: n.id, parentId: n.parentId }, ...flatten(n.children)]);
}

/** Project ids integrated by sibling integrations of the same template (they keep links). */
async function siblingProjects(deps: Deps, row: IntegrationRow): Promise<string[]> {
  if (!row.templateId) return [];
  const siblings = await integrationsRepository(deps.database.db).listByTemplate(row.templateId);
  const out: string[] = [];
  for (const s of siblings) {
    if (s.id === row.id || !isActiveIntegration(s.state)) continue;
    const project = (await loadEffective(deps.database.db, deps.secrets, s)).settings.remoteProject;
    if (project) out.push(project.id);
  }
  return out;
}

/** Whether the remote record lives in the integration's project scope. */
export async function inScope(
  deps: Deps,
  row: IntegrationRow,
  connection: RemoteConnection,
  record: RemoteRecord,
): Promise<boolean> {
  const settings = connection.effective.settings;
  if (!settings.remoteWorkspace || !settings.remoteProject) return true;
  const projectId = record.scopeId;
  if (projectId === undefined) return true;
  if (projectId === settings.remoteProject.id) return true;
  const projects = flatten(
    await connection.connector.listProjects(connection.context, settings.remoteWorkspace.id),
  );
  return isInScope(
    {
      remoteWorkspaceId: settings.remoteWorkspace.id,
      projectId: settings.remoteProject.id,
      excludeChildUpdates: settings.excludeChildUpdates ?? false,
    },
    { projectId, ancestorIds: ancestorsOf(projectId, projects) },
    await siblingProjects(deps, row),
  );
}

/**
 * One verified change from the remote: deduplicated by its change id and logged. A linked record
 * deleted or moved out of the integration's scope loses its link; any other change someone made
 * in the remote is brought into the linked record (`bringRemoteChangeIn`); a new remote record
 * under a linked parent is imported (`importRemoteRecord`). Tandem's own changes come back too
 * and are only logged.
 */
export async function handleRemoteChange(
  deps: Deps,
  row: IntegrationRow,
  connection: RemoteConnection,
  change: RemoteChange,
  source: ChangeSource = 'webhook',
): Promise<DeliveryOutcome> {
  const db = deps.database.db;
  const heard = HEARD[source];
  const now = deps.now().toISOString();
  const log = (level: LogLevel, message: string, record?: RecordRef | null) =>
    integrationLogRepository(db).append(
      {
        integrationId: row.id,
        workspaceId: row.workspaceId,
        recordType: record?.kind ?? null,
        recordId: record?.id ?? null,
        level,
        event: source,
        message,
        data: {
          changeId: change.changeId,
          kind: change.kind,
          ref: change.ref,
          changedBy: change.changedBy,
        },
      },
      now,
    );
  const inserted = await db
    .insertInto('webhook_deliveries')
    .values({ integration_id: row.id, change_id: change.changeId, received_at: now })
    .onConflict((oc) => oc.columns(['integration_id', 'change_id']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    await log(
      'info',
      `${heard}: ${change.kind} ${change.ref.type} ${change.ref.id} again (${source === 'webhook' ? 'duplicate delivery' : 'already handled'} ignored)`,
    );
    return 'duplicate';
  }
  try {
    return await applyChange(deps, row, connection, change, log, source, null);
  } catch (error) {
    // Not handled: forget the delivery so the remote's retry is handled, not deduplicated away.
    await db
      .deleteFrom('webhook_deliveries')
      .where('integration_id', '=', row.id)
      .where('change_id', '=', change.changeId)
      .execute();
    throw error;
  }
}

/**
 * One change taken from the webhook inbox (already verified and deduplicated when it was
 * acknowledged), as `handleRemoteChange` applies it; what needs no work is counted on `tally`
 * instead of logged a row each.
 */
export async function applyQueuedChange(
  deps: Deps,
  row: IntegrationRow,
  connection: RemoteConnection,
  change: RemoteChange,
  tally: EchoTally,
): Promise<DeliveryOutcome> {
  const log = (level: LogLevel, message: string, record?: RecordRef | null) =>
    integrationLogRepository(deps.database.db).append(
      {
        integrationId: row.id,
        workspaceId: row.workspaceId,
        recordType: record?.kind ?? null,
        recordId: record?.id ?? null,
        level,
        event: 'webhook',
        message,
        data: { changeId: change.changeId, kind: change.kind, ref: change.ref },
      },
      deps.now().toISOString(),
    );
  return applyChange(deps, row, connection, change, log, 'webhook', tally);
}

/** Tandem's own remote user on this connection, when it is known. */
export function remoteSelfOf(connection: RemoteConnection): string | null {
  const secrets = connection.effective.secrets;
  return secrets.oauth?.remoteUserId ?? secrets.remoteUserId ?? null;
}

async function applyChange(
  deps: Deps,
  row: IntegrationRow,
  connection: RemoteConnection,
  change: RemoteChange,
  log: (level: LogLevel, message: string, record?: RecordRef | null) => Promise<unknown>,
  source: ChangeSource,
  tally: EchoTally | null,
): Promise<DeliveryOutcome> {
  const heard = HEARD[source];
  const self = remoteSelfOf(connection);
  const own = self !== null && change.changedBy === self;
  const ref = `${change.ref.type} ${change.ref.id}`;
  const record = await linkedRecordOf(deps.database.db, row, change.ref.id);
  const what = `${change.kind} ${change.ref.type} ${change.ref.id}`;
  const changed = change.fields ? ` (${Object.keys(change.fields).join(', ')})` : '';
  const received = `${heard}: ${what}${changed}`;
  const via = { event: source, received };
  const read = () => connection.connector.readRecord(connection.context, change.ref);
  if (!record) {
    // A candidate deleted in the remote, by anyone, is no longer one to import.
    if (change.kind === 'deleted') {
      await importCandidatesRepository(deps.database.db).settle(
        row.id,
        change.ref.id,
        'dismissed',
        deps.now().toISOString(),
      );
    }
    // Tandem's own create, not linked yet (its answer is still being stored), is never new.
    if (own || (self !== null && change.createdBy === self)) {
      if (tally) tally.count(row, 'own', ref);
      else await log('info', `${received}, made by Tandem itself; nothing to bring back`);
      return 'own';
    }
    if (change.kind === 'deleted' || !mayBeNew(connection, change)) {
      await log('info', `${received}; no roadmap record is linked to it, so nothing changes`);
      return 'unlinked';
    }
    if (self === null) {
      // Without knowing Tandem's own remote user, its own creates could come back as new records.
      await log(
        'warn',
        `${received}; not imported: this integration does not know which remote user it acts as (connect it again)`,
      );
      return 'skipped';
    }
    const remote = await read();
    return importRemoteRecord(deps, row, remote, await inScope(deps, row, connection, remote), via);
  }
  if (change.kind === 'deleted') {
    // A deletion breaks a link only once the remote confirms it: a replayed or forged "deleted"
    // for a record that still exists changes nothing.
    if (!(await goneFromRemote(read))) {
      await log(
        'warn',
        `${heard}: ${what}, but the remote still has the record; refused, the link is kept`,
        record,
      );
      return 'refused';
    }
    await log('warn', `${heard}: ${what} was deleted in the remote; the link is broken`, record);
    await applyEvent(deps.sync.deps, row.id, record, { type: 'deleted_remotely' });
    return 'link_broken';
  }
  if (own) {
    if (tally) tally.count(row, 'own', ref);
    else await log('info', `${received}, made by Tandem itself; nothing to bring back`, record);
    return 'own';
  }
  // A parent's fields the remote recomputed, none of them synced: nothing to read or apply.
  const mapping = (connection.effective.settings.recordMappings ?? []).find(
    (m) => m.enabled !== false && m.roadmapKind === record.kind,
  );
  if (mapping && isRollUp(change, mapping)) {
    if (tally) tally.count(row, 'roll_up', ref);
    return 'unchanged';
  }
  // The version Tandem last synced (its own write, or a change already brought in): nothing
  // new, and no need to read the record (a safety-net poll sees every delivered change again).
  if (change.version !== null) {
    const synced = await loadSnapshotWithin(deps.database.db, row.id, record.id);
    if (synced?.remoteVersion === change.version) {
      if (tally) tally.count(row, 'own_version', ref);
      else if (source === 'webhook')
        await log(
          'info',
          `${received}; already synced at this version, so nothing changes`,
          record,
        );
      return 'unchanged';
    }
  }
  let remote: RemoteRecord;
  try {
    remote = await read();
  } catch (error) {
    if (RemoteError.is(error) && error.kind === 'not_found') {
      await log(
        'info',
        `${received}; the record is gone from the remote, so nothing changes`,
        record,
      );
      return 'unchanged';
    }
    throw error;
  }
  if (change.scopeChanged !== false && !(await inScope(deps, row, connection, remote))) {
    await log(
      'warn',
      `${heard}: ${what} moved to a project this integration does not cover; the link is broken`,
      record,
    );
    await applyEvent(deps.sync.deps, row.id, record, { type: 'moved_out_of_scope' });
    return 'link_broken';
  }
  return bringRemoteChangeIn(deps, row, record, remote, via);
}

/** Whether reading the record answers "not found" (any other failure is retried). */
async function goneFromRemote(read: () => Promise<RemoteRecord>): Promise<boolean> {
  try {
    await read();
    return false;
  } catch (error) {
    if (RemoteError.is(error) && error.kind === 'not_found') return true;
    throw error;
  }
}

/**
 * Whether an unlinked remote record may be one to import: created just now, or changed in a way
 * that may have put it under a parent (a reference changed, or a "Linked to" field) — and of a
 * type some record mapping takes.
 */
function mayBeNew(connection: RemoteConnection, change: RemoteChange): boolean {
  const mapping = (connection.effective.settings.recordMappings ?? []).find(
    (m) => m.enabled !== false && m.remoteType === change.ref.type,
  );
  if (!mapping) return false;
  if (change.kind === 'created') return true;
  return !change.fields || mapping.links.some((l) => l.remoteField in (change.fields ?? {}));
}
