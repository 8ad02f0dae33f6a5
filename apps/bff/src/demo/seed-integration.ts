import type { IntegrationSettings } from '@tandem/contracts';
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

/** The project the demo integration sends to (the simulator's seeded team project). */
export const DEMO_PROJECT_NAME = 'Team Alpha';

/**
 * The simulator's administrator API key, read from its control API (`/__sim/`) at the URL the
 * server was given: the BFF reaches the simulator like any remote, and never imports it.
 */
async function simulatorApiKey(rallyUrl: string): Promise<string> {
  const response = await fetch(new URL('/__sim/', rallyUrl));
  if (!response.ok) throw new Error(`The simulator at ${rallyUrl} answered ${response.status}`);
  const control = (await response.json()) as { users?: { apiKey?: string }[] };
  const apiKey = control.users?.[0]?.apiKey;
  if (!apiKey) throw new Error(`The simulator at ${rallyUrl} names no user with an API key`);
  return apiKey;
}

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

  const apiKey = await simulatorApiKey(rallyUrl);
  const settings: IntegrationSettings = {
    accountUrl: rallyUrl,
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
    row = await connectWithApiKey(deps, row, apiKey);
    const found = await connectIntegration(deps, row);
    const [workspace0] = await found.connector.listWorkspaces(found.context);
    if (!workspace0) throw new Error(`The simulator at ${rallyUrl} has no workspace`);
    const projects = flatten(await found.connector.listProjects(found.context, workspace0.id));
    const project = projects.find((p) => p.name === DEMO_PROJECT_NAME) ?? projects[0];
    if (!project) throw new Error(`The simulator at ${rallyUrl} has no project`);
    const scoped: IntegrationSettings = {
      ...settings,
      remoteWorkspace: { id: workspace0.id, name: workspace0.name },
      remoteProject: { id: project.id, name: project.name },
    };
    row = (await repo.update(row.id, { config: scoped }))!;
    const connection = await connectIntegration(deps, row);
    const named: IntegrationSettings = {
      ...scoped,
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
