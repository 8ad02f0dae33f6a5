import type { IntegrationSettings, IntegrationSystem } from '@tandem/contracts';
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

/** The project the demo Rally integration sends to (the simulator's seeded team project). */
export const DEMO_PROJECT_NAME = 'Team Alpha';

/** One demo integration: which workspace, which system, and where in the remote it sends. */
export interface DemoIntegration {
  /** The demo workspace's key (`APP`, `PLT`). */
  workspaceKey: string;
  system: IntegrationSystem;
  name: string;
  /** The account URL as a user would type it. */
  accountUrl: string;
  /** The key or token, read from the simulator's control API. */
  secret(): Promise<string>;
  /** The remote workspace to choose (by name); the first when absent. */
  remoteWorkspace?: string;
  /** The project (or area) to choose in it (by name); the first when absent. */
  remoteProject?: string;
}

/**
 * A simulator's control API (`/__sim/`) at the URL the server was given: the BFF reaches the
 * simulator like any remote, and never imports it.
 */
async function simulatorControl(url: string): Promise<{
  users?: { apiKey?: string; token?: string }[];
}> {
  const response = await fetch(new URL('/__sim/', url));
  if (!response.ok) throw new Error(`The simulator at ${url} answered ${response.status}`);
  return (await response.json()) as { users?: { apiKey?: string; token?: string }[] };
}

/** The Mobile App workspace on the Rally simulator (its administrator's API key). */
export const rallyDemo = (rallyUrl: string): DemoIntegration => ({
  workspaceKey: 'APP',
  system: 'rally',
  name: 'Rally',
  accountUrl: rallyUrl,
  remoteProject: DEMO_PROJECT_NAME,
  async secret() {
    const apiKey = (await simulatorControl(rallyUrl)).users?.[0]?.apiKey;
    if (!apiKey) throw new Error(`The simulator at ${rallyUrl} names no user with an API key`);
    return apiKey;
  },
});

/** The Platform workspace on the Azure DevOps simulator's Platform project (Scrum). */
export const azureDevOpsDemo = (orgUrl: string): DemoIntegration => ({
  workspaceKey: 'PLT',
  system: 'azure_devops',
  name: 'Azure DevOps',
  accountUrl: orgUrl,
  remoteWorkspace: 'Platform',
  remoteProject: 'Platform',
  async secret() {
    const token = (await simulatorControl(orgUrl)).users?.[0]?.token;
    if (!token) throw new Error(`The simulator at ${orgUrl} names no user with a token`);
    return token;
  },
});

/**
 * A demo workspace comes with an enabled integration on a local simulator, set up through the
 * same steps the wizard takes (a key or token instead of OAuth), so *Send to …* works from the
 * first minute. Does nothing when the workspace has one of that system already.
 */
export async function seedDemoIntegration(
  deps: Deps,
  demo: DemoIntegration,
): Promise<'created' | 'present' | 'skipped'> {
  const db = deps.database.db;
  const workspace = await workspacesRepository(db).findByKey(demo.workspaceKey);
  if (!workspace) return 'skipped';
  const repo = integrationsRepository(db);
  const existing = await repo.listForWorkspace(workspace.id);
  if (existing.some((i) => i.system === demo.system)) return 'present';

  const secret = await demo.secret();
  const settings: IntegrationSettings = {
    accountUrl: demo.accountUrl,
    excludeChildUpdates: false,
    sendMode: 'auto',
    importNewRecords: true,
  };
  let row = await repo.create({
    workspaceId: workspace.id,
    system: demo.system,
    name: demo.name,
    templateId: null,
    config: settings,
  });
  try {
    row = await connectWithApiKey(deps, row, secret);
    const found = await connectIntegration(deps, row);
    const workspaces = await found.connector.listWorkspaces(found.context);
    const remote = workspaces.find((w) => w.name === demo.remoteWorkspace) ?? workspaces[0];
    if (!remote) throw new Error(`${demo.accountUrl} has no workspace`);
    const projects = flatten(await found.connector.listProjects(found.context, remote.id));
    const project = projects.find((p) => p.name === demo.remoteProject) ?? projects[0];
    if (!project) throw new Error(`${demo.accountUrl} has no project in ${remote.name}`);
    const scoped: IntegrationSettings = {
      ...settings,
      remoteWorkspace: { id: remote.id, name: remote.name },
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
