import type { IntegrationReportRow, IntegrationSettings } from '@tandem/contracts';
import { integrationsRepository, integrationTemplatesRepository } from '@tandem/storage';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { mergeSettings } from '../integrations/effective-integration.ts';
import { ownedWorkspaceIds, requireAnyOwner } from '../middleware/any-owner.ts';

type Db = AppEnv['Variables']['deps']['database']['db'];

async function countsBy(db: Db, integrationIds: string[]) {
  if (integrationIds.length === 0) return { linked: new Map(), failed: new Map() };
  const linked = await db
    .selectFrom('integration_fields')
    .select(['integration_id', (eb) => eb.fn.count<number | string>('record_id').as('n')])
    .where('integration_id', 'in', integrationIds)
    .where('key', '=', 'remoteId')
    .groupBy('integration_id')
    .execute();
  const failed = await db
    .selectFrom('record_syncs')
    .select(['integration_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('integration_id', 'in', integrationIds)
    .where('state_name', '=', 'failed')
    .groupBy('integration_id')
    .execute();
  const toMap = (rows: { integration_id: string; n: number | string }[]) =>
    new Map(rows.map((r) => [r.integration_id, Number(r.n)]));
  return { linked: toMap(linked), failed: toMap(failed) };
}

/**
 * The manage-integrations report: every integration in the workspaces the user owns, with its
 * account, remote workspace and project, template, state, last sync, linked records and records
 * whose last sync failed.
 */
export const integrationsReportRoutes = new Hono<AppEnv>().get(
  '/report',
  requireAnyOwner,
  async (c) => {
    const deps = c.var.deps;
    const db = deps.database.db;
    const owned = await ownedWorkspaceIds(db, c.var.session!.user.id);
    const integrations = await db
      .selectFrom('integrations')
      .innerJoin('workspaces', 'workspaces.id', 'integrations.workspace_id')
      .select([
        'integrations.id as id',
        'workspaces.id as workspace_id',
        'workspaces.key as workspace_key',
        'workspaces.name as workspace_name',
      ])
      .where('integrations.workspace_id', 'in', owned)
      .orderBy('workspaces.name')
      .orderBy('integrations.created_at')
      .execute();
    const repo = integrationsRepository(db);
    const templates = new Map(
      (await integrationTemplatesRepository(db).list()).map((t) => [t.id, t]),
    );
    const counts = await countsBy(
      db,
      integrations.map((i) => i.id),
    );
    const rows: IntegrationReportRow[] = [];
    for (const i of integrations) {
      const row = await repo.find(i.id);
      if (!row) continue;
      const template = row.templateId ? (templates.get(row.templateId) ?? null) : null;
      const s: IntegrationSettings = mergeSettings(template?.config, row.config);
      rows.push({
        id: row.id,
        workspace: { id: i.workspace_id, key: i.workspace_key, name: i.workspace_name },
        system: row.system,
        name: row.name,
        accountUrl: s.accountUrl ?? null,
        remoteWorkspace: s.remoteWorkspace?.name ?? null,
        remoteProject: s.remoteProject?.name ?? null,
        template: template ? { id: template.id, name: template.name } : null,
        state: row.state,
        lastSyncAt: row.lastSyncAt,
        linkedRecords: counts.linked.get(row.id) ?? 0,
        errors: counts.failed.get(row.id) ?? 0,
      });
    }
    return c.json({ rows }, 200);
  },
);
