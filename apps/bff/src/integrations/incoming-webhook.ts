import type { ProjectNode, RemoteChange } from '@tandem/connector-kit';
import { isActiveIntegration } from '@tandem/contracts';
import {
  type IntegrationRow,
  integrationLogRepository,
  integrationsRepository,
  type LogLevel,
} from '@tandem/storage';
import type { RecordRef } from '@tandem/sync-engine';
import { ancestorsOf, isInScope } from '@tandem/sync-engine';
import { applyEvent } from '@tandem/sync-engine/runner';
import type { AppDeps } from '../app-env.ts';
import type { RemoteConnection } from '../sync/integration-runtime.ts';
import { loadEffective } from './effective-integration.ts';

type Deps = Required<AppDeps>;

export type DeliveryOutcome = 'duplicate' | 'unlinked' | 'link_broken' | 'logged';

function flatten(nodes: readonly ProjectNode[]): { id: string; parentId: string | null }[] {
  return nodes.flatMap((n) => [{ id: n.id, parentId: n.parentId }, ...flatten(n.children)]);
}

/** The roadmap record linked to a remote id through this integration, if any. */
async function linkedRecord(deps: Deps, integrationId: string, remoteId: string) {
  const row = await deps.database.db
    .selectFrom('integration_fields')
    .select(['record_type', 'record_id'])
    .where('integration_id', '=', integrationId)
    .where('key', '=', 'remoteId')
    .where('value', '=', JSON.stringify(remoteId))
    .executeTakeFirst();
  return row ? ({ kind: row.record_type, id: row.record_id } as RecordRef) : null;
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

/** Whether the remote record now lives outside the integration's project scope. */
async function movedOutOfScope(
  deps: Deps,
  row: IntegrationRow,
  connection: RemoteConnection,
  change: RemoteChange,
): Promise<boolean> {
  const settings = connection.effective.settings;
  if (!settings.remoteWorkspace || !settings.remoteProject) return false;
  const record = await connection.connector.readRecord(connection.context, change.ref);
  const projectId = record.fields.Project;
  if (typeof projectId !== 'string' && typeof projectId !== 'number') return false;
  const projects = flatten(
    await connection.connector.listProjects(connection.context, settings.remoteWorkspace.id),
  );
  return !isInScope(
    {
      remoteWorkspaceId: settings.remoteWorkspace.id,
      projectId: settings.remoteProject.id,
      excludeChildUpdates: settings.excludeChildUpdates ?? false,
    },
    { projectId: String(projectId), ancestorIds: ancestorsOf(String(projectId), projects) },
    await siblingProjects(deps, row),
  );
}

/**
 * One verified change from the remote: deduplicated by its change id, logged, and — when the
 * remote record was deleted or moved out of the integration's scope — fed to the sync engine,
 * which breaks the link. Other changes are logged only (bringing values in is a later issue).
 */
export async function handleRemoteChange(
  deps: Deps,
  row: IntegrationRow,
  connection: RemoteConnection,
  change: RemoteChange,
): Promise<DeliveryOutcome> {
  const db = deps.database.db;
  const now = deps.now().toISOString();
  const log = (level: LogLevel, message: string, record?: RecordRef | null) =>
    integrationLogRepository(db).append(
      {
        integrationId: row.id,
        workspaceId: row.workspaceId,
        recordType: record?.kind ?? null,
        recordId: record?.id ?? null,
        level,
        event: 'webhook',
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
      `Received webhook: ${change.kind} ${change.ref.type} ${change.ref.id} again (duplicate delivery ignored)`,
    );
    return 'duplicate';
  }
  try {
    return await applyChange(deps, row, connection, change, log);
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

async function applyChange(
  deps: Deps,
  row: IntegrationRow,
  connection: RemoteConnection,
  change: RemoteChange,
  log: (level: LogLevel, message: string, record?: RecordRef | null) => Promise<unknown>,
): Promise<DeliveryOutcome> {
  const secrets = connection.effective.secrets;
  const self = secrets.oauth?.remoteUserId ?? secrets.remoteUserId ?? null;
  const own = self !== null && change.changedBy === self;
  const record = await linkedRecord(deps, row.id, change.ref.id);
  const what = `${change.kind} ${change.ref.type} ${change.ref.id}`;
  if (!record) {
    await log(
      'info',
      own
        ? `Received webhook: ${what}, made by Tandem itself; nothing to bring back`
        : `Received webhook: ${what}; no roadmap record is linked to it, so nothing changes`,
    );
    return 'unlinked';
  }
  if (change.kind === 'deleted') {
    await log(
      'warn',
      `Received webhook: ${what} was deleted in the remote; the link is broken`,
      record,
    );
    await applyEvent(deps.sync.deps, row.id, record, { type: 'deleted_remotely' });
    return 'link_broken';
  }
  if (change.kind === 'updated' && (!change.fields || 'Project' in change.fields)) {
    if (await movedOutOfScope(deps, row, connection, change)) {
      await log(
        'warn',
        `Received webhook: ${what} moved to a project this integration does not cover; the link is broken`,
        record,
      );
      await applyEvent(deps.sync.deps, row.id, record, { type: 'moved_out_of_scope' });
      return 'link_broken';
    }
  }
  const changed = change.fields ? ` (${Object.keys(change.fields).join(', ')})` : '';
  await log(
    'info',
    own
      ? `Received webhook: ${what}${changed}, made by Tandem itself; nothing to bring back`
      : `Received webhook: ${what}${changed}; bringing remote values into the roadmap is not built yet`,
    record,
  );
  return 'logged';
}
