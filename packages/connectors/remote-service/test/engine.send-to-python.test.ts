/**
 * A send through the real sync runner (its queue, send plan and roadmap writes) to the Python
 * service: the release goes first, then the feature in it, then its requirement inside it, and the
 * integration fields the service answers become the records' links in Tandem. Both databases.
 */
import { randomBytes } from 'node:crypto';
import {
  createFeature,
  createRelease,
  createRequirement,
  ensureWorkflows,
  getFeatureDetail,
  userContext,
} from '@tandem/roadmap';
import {
  createSecretBox,
  integrationsRepository,
  usersRepository,
  workspacesRepository,
} from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import {
  accountOrigin,
  type ConnectorRegistry,
  createSyncRunner,
  type RunnerLogger,
  sendSelection,
} from '@tandem/sync-engine/runner';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRemoteServiceConnector } from '../src/index.ts';
import { type RunningPython, startPythonService } from './support/python-service.ts';
import { SERVICE_MAPPINGS } from './support/service-mappings.ts';

const secret = 'engine-python-secret-0123456789';
const silent: RunnerLogger = { info: () => {}, warn: () => {}, error: () => {} };
let python: RunningPython;
beforeAll(async () => {
  python = await startPythonService(secret);
});
afterAll(() => python?.close());

describeEachDialect('a send through the sync runner to a Python service', (handle) => {
  it('release first, then the feature, then its requirement; the answers link the records', {
    timeout: 30_000,
  }, async () => {
    const database = handle();
    const key = `P${randomBytes(3).toString('hex').toUpperCase()}`;
    const owner = await usersRepository(database.db).create({
      email: `${key.toLowerCase()}@py.test`,
      name: 'Pat',
      passwordHash: 'x',
    });
    const workspace = await workspacesRepository(database.db).create({ key, name: key });
    await workspacesRepository(database.db).addMember(workspace.id, owner.id, 'owner');
    const ctx = userContext(owner.id);
    await ensureWorkflows(database, ctx, workspace.id);
    const release = await createRelease(database, ctx, workspace.id, {
      name: `Autumn ${key}`,
      startDate: '2027-09-01',
      releaseDate: '2027-11-30',
      parkingLot: false,
    });
    const feature = await createFeature(database, ctx, workspace.id, {
      name: 'Dark mode',
      descriptionHtml: '<p>At night</p>',
      releaseId: release.id,
      tags: [],
      customFields: {},
    });
    const requirement = await createRequirement(database, ctx, workspace.id, feature.id, {
      name: 'Toggle',
      descriptionHtml: '',
      customFields: {},
    });

    const connector = createRemoteServiceConnector();
    const connectors: ConnectorRegistry = {
      connectorFor: () => connector,
      displayNameOf: () => connector.manifest.displayName,
    };
    const box = createSecretBox(randomBytes(32));
    const sync = createSyncRunner({
      database,
      box,
      logger: silent,
      connectors,
      concurrency: 4,
      transport: { allowPrivateNetwork: true },
    });
    try {
      const repo = integrationsRepository(database.db);
      const created = await repo.create({
        workspaceId: workspace.id,
        // The storage check knows two systems so far (see README): the registry above decides.
        system: 'rally',
        name: 'Python service',
        templateId: null,
        config: {
          accountUrl: python.url,
          remoteWorkspace: { id: 'python', name: 'Python' },
          remoteProject: { id: 'records', name: 'Records' },
          excludeChildUpdates: false,
          recordMappings: SERVICE_MAPPINGS,
          sendMode: 'auto',
          importNewRecords: false,
        },
      });
      await repo.update(created.id, {
        sealedSecrets: box.seal({ apiKey: secret }, created.id),
        credentialsAccountUrl: accountOrigin(python.url),
        state: 'enabled',
      });
      sync.worker.start();
      await sendSelection(sync.deps, created.id, { featureIds: [feature.id] });
      await sync.worker.drained();

      expect(await python.handled()).toEqual(
        expect.arrayContaining(['create_release', 'create_feature', 'update_feature']),
      );
      const links = await sync.deps.roadmap.loadLinks(
        [created.id],
        [release.id, feature.id, requirement.id],
      );
      const linkOf = (id: string) => links.find((l) => l.recordId === id);
      expect(linkOf(release.id)?.formattedId).toMatch(/^PYR-\d+$/);
      expect(linkOf(feature.id)?.formattedId).toMatch(/^PYF-\d+$/);
      expect(linkOf(requirement.id)?.formattedId).toMatch(/^PYQ-\d+$/);
      expect(linkOf(feature.id)?.url).toMatch(/^https:\/\/py\.example\/items\/\d+$/);
      const detail = await getFeatureDetail(database.db, workspace.id, feature.id);
      expect(JSON.stringify(detail.integrationFields[created.id])).toContain('PYF-');
    } finally {
      await sync.close();
    }
  });
});
