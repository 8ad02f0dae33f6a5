import type { IntegrationSettings } from '@tandem/contracts';
import { DEFAULT_ADMIN_API_KEY, SEED_IDS } from '@tandem/sim-rally';
import { integrationsRepository, workspacesRepository } from '@tandem/storage';
import type { AppDeps } from '../app-env.ts';
import {
  connectIntegration,
  connectWithApiKey,
  enableIntegration,
} from '../integrations/integration-service.ts';
import { mappingDefaults } from '../integrations/mapping-defaults.ts';
import { roadmapStatuses } from '../integrations/remote-schema.ts';
import { withDemoStatuses } from './demo-statuses.ts';

type Deps = Required<AppDeps>;

/**
 * The demo's Mobile App workspace comes with an enabled Rally integration on the local
 * simulator, set up through the same steps the wizard takes (API key instead of OAuth), so
 * *Send to Rally* works from the first minute. Does nothing when the workspace has one already.
 */
export async function seedDemoIntegration(
  deps: Deps,
  rallyUrl: string,
): Promise<'created' | 'present' | 'skipped'> {
  const db = deps.database.db;
  const workspace = await workspacesRepository(db).findByKey('APP');
  if (!workspace) return 'skipped';
  const repo = integrationsRepository(db);
  if ((await repo.listForWorkspace(workspace.id)).length > 0) return 'present';

  const settings: IntegrationSettings = {
    accountUrl: rallyUrl,
    remoteWorkspace: { id: String(SEED_IDS.workspace), name: 'Rally workspace' },
    remoteProject: { id: String(SEED_IDS.projectAlpha), name: 'Rally project' },
    excludeChildUpdates: false,
    sendMode: 'auto',
    importNewRecords: true,
  };
  let row = await repo.create({
    workspaceId: workspace.id,
    system: 'rally',
    name: 'Rally',
    templateId: null,
    config: settings,
  });
  try {
    row = await connectWithApiKey(deps, row, DEFAULT_ADMIN_API_KEY);
    const connection = await connectIntegration(deps, row);
    const scope = connection.context.config as { workspaceId: string };
    const [workspaces, projects] = await Promise.all([
      connection.connector.listWorkspaces(connection.context),
      connection.connector.listProjects(connection.context, scope.workspaceId),
    ]);
    const project = flatten(projects).find((p) => p.id === settings.remoteProject?.id);
    const named: IntegrationSettings = {
      ...settings,
      remoteWorkspace:
        workspaces.find((w) => w.id === settings.remoteWorkspace?.id) ?? settings.remoteWorkspace!,
      ...(project ? { remoteProject: { id: project.id, name: project.name } } : {}),
      recordMappings: await Promise.all(
        (await mappingDefaults(deps, row, connection)).map(async (m) =>
          withDemoStatuses(m, await roadmapStatuses(deps, workspace.id, m.roadmapKind)),
        ),
      ),
    };
    row = (await repo.update(row.id, { config: named, wizardStep: 'enable' }))!;
    await enableIntegration(deps, row);
    return 'created';
  } catch (error) {
    // The simulator was not up yet: leave nothing half-made, try again at the next start.
    await repo.delete(row.id);
    throw error;
  }
}

function flatten<T extends { children: T[] }>(nodes: T[]): T[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}
