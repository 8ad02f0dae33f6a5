import type { IntegrationReportRow, IntegrationSettings } from '@tandem/contracts';
import {
  integrationReportRepository,
  integrationsRepository,
  integrationTemplatesRepository,
} from '@tandem/storage';
import { mergeSettings } from '@tandem/sync-engine/runner';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ownedWorkspaceIds, requireAnyOwner } from '../middleware/any-owner.ts';

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
    const report = integrationReportRepository(db);
    const integrations = await report.inWorkspaces(owned);
    const repo = integrationsRepository(db);
    const templates = new Map(
      (await integrationTemplatesRepository(db).list()).map((t) => [t.id, t]),
    );
    const counts = await report.counts(integrations.map((i) => i.id));
    const rows: IntegrationReportRow[] = [];
    for (const i of integrations) {
      const row = await repo.find(i.id);
      if (!row) continue;
      const template = row.templateId ? (templates.get(row.templateId) ?? null) : null;
      const s: IntegrationSettings = mergeSettings(template?.config, row.config);
      rows.push({
        id: row.id,
        workspace: i.workspace,
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
