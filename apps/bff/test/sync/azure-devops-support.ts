import { randomBytes } from 'node:crypto';
import {
  createFeature,
  createRelease,
  createRequirement,
  ensureWorkflows,
  userContext,
} from '@tandem/roadmap';
import { DEFAULT_FULL_PAT, SEED_IDS } from '@tandem/simulator-azure-devops';
import {
  createSecretBox,
  type DatabaseHandle,
  integrationsRepository,
  usersRepository,
  workspacesRepository,
} from '@tandem/storage';
import { accountOrigin } from '@tandem/sync-engine/runner';
import { azureDevOpsTwoWayMappings } from '@tandem/testkit';
import pino from 'pino';
import { createSyncService } from '../../src/sync/sync-service.ts';

/** A workspace with an owner and an enabled Azure DevOps integration on the Web area of Roadmap Demo. */
export async function azureDevOpsWorkspace(
  database: DatabaseHandle,
  orgUrl: string,
  options: { transport?: Parameters<typeof createSyncService>[0]['transport'] } = {},
) {
  const key = `A${randomBytes(3).toString('hex').toUpperCase()}`;
  const owner = await usersRepository(database.db).create({
    email: `${key.toLowerCase()}@send.test`,
    name: 'Ada Sender',
    passwordHash: 'x',
  });
  const workspace = await workspacesRepository(database.db).create({ key, name: `Send ${key}` });
  await workspacesRepository(database.db).addMember(workspace.id, owner.id, 'owner');
  const ctx = userContext(owner.id);
  await ensureWorkflows(database, ctx, workspace.id);
  // Releases are not mapped to Azure DevOps: features are sent without theirs.
  const release = await createRelease(database, ctx, workspace.id, {
    name: '2027.1',
    startDate: '2027-01-04',
    releaseDate: '2027-03-26',
    parkingLot: false,
  });
  const box = createSecretBox(randomBytes(32));
  const repo = integrationsRepository(database.db);
  const row = await repo.create({
    workspaceId: workspace.id,
    system: 'azure_devops',
    name: 'Azure DevOps',
    templateId: null,
    config: {
      accountUrl: orgUrl,
      remoteWorkspace: { id: SEED_IDS.projects.roadmap, name: 'Roadmap Demo' },
      remoteProject: { id: 'Roadmap Demo\\Web', name: 'Web' },
      excludeChildUpdates: false,
      recordMappings: azureDevOpsTwoWayMappings(),
      sendMode: 'auto',
      importNewRecords: true,
    },
  });
  await repo.update(row.id, {
    state: 'enabled',
    sealedSecrets: box.seal({ apiKey: DEFAULT_FULL_PAT }, row.id),
    // Bound to the organisation, as the wizard binds them (decision 021).
    credentialsAccountUrl: accountOrigin(orgUrl),
  });

  async function feature(name: string, requirements: string[] = []) {
    const f = await createFeature(database, ctx, workspace.id, {
      name,
      descriptionHtml: `<p>${name}: <strong>why</strong> it matters</p>`,
      releaseId: release.id,
      tags: [],
      customFields: {},
    });
    for (const r of requirements) {
      await createRequirement(database, ctx, workspace.id, f.id, {
        name: r,
        descriptionHtml: '',
        customFields: {},
      });
    }
    return f;
  }

  const sync = createSyncService({
    database,
    box,
    logger: pino({ level: 'silent' }),
    concurrency: 16,
    // The simulator listens on 127.0.0.1.
    transport: { allowPrivateNetwork: true, ...options.transport },
  });
  return { workspace, integrationId: row.id, feature, sync, owner, box };
}
