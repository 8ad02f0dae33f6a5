import { randomBytes } from 'node:crypto';
import {
  createFeature,
  createRelease,
  ensureWorkflows,
  getFeatureDetail,
  listStatuses,
  userContext,
} from '@tandem/roadmap';
import { integrationsRepository, usersRepository, workspacesRepository } from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accountOrigin, registerWebhooks, sendSelection } from '../../../src/runner/index.ts';
import { startRunner } from './runner-harness.ts';
import { systemsUnderTest } from './systems.ts';

/**
 * The runner's own cycle, without the BFF: a feature is sent, someone renames it in the remote,
 * the webhook brings the name back, and a story made under it in the remote is imported as a
 * requirement. Runs against every system of `systems.ts`, over real HTTP, on both databases.
 */
for (const under of systemsUnderTest()) {
  describeEachDialect(`runner cycle against ${under.connector.manifest.displayName}`, (handle) => {
    let runner: Awaited<ReturnType<typeof startRunner>>;
    beforeAll(async () => {
      runner = await startRunner(handle(), under);
    });
    afterAll(async () => {
      await runner?.close();
    });

    it('sends, takes a remote edit in by webhook, and imports a new child record', {
      timeout: 60_000,
    }, async () => {
      const database = handle();
      const key = `R${randomBytes(3).toString('hex').toUpperCase()}`;
      const owner = await usersRepository(database.db).create({
        email: `${key.toLowerCase()}@runner.test`,
        name: 'Rita Runner',
        passwordHash: 'x',
      });
      const workspace = await workspacesRepository(database.db).create({ key, name: key });
      await workspacesRepository(database.db).addMember(workspace.id, owner.id, 'owner');
      const ctx = userContext(owner.id);
      await ensureWorkflows(database, ctx, workspace.id);
      const statuses = {
        feature: await listStatuses(database.db, workspace.id, 'feature'),
        requirement: await listStatuses(database.db, workspace.id, 'requirement'),
      };
      const statusId = (kind: 'feature' | 'requirement', name: string) =>
        statuses[kind].find((s) => s.name === name)!.id;
      const release = await createRelease(database, ctx, workspace.id, {
        name: `Release ${key}`,
        startDate: '2027-01-04',
        releaseDate: '2027-03-26',
        parkingLot: false,
      });
      const feature = await createFeature(database, ctx, workspace.id, {
        name: 'Offline sync',
        descriptionHtml: '<p>Why it matters</p>',
        releaseId: release.id,
        tags: [],
        customFields: {},
      });

      const { deps, remote } = runner;
      const repo = integrationsRepository(database.db);
      const created = await repo.create({
        workspaceId: workspace.id,
        system: under.system as never,
        name: `${under.connector.manifest.displayName} ${key}`,
        templateId: null,
        config: remote.settings(statusId),
      });
      // The account as Tandem binds credentials to it (an organisation keeps its path).
      const credentialsAccountUrl = accountOrigin(remote.url);
      const keyed = (await repo.update(created.id, {
        sealedSecrets: deps.secrets.seal(remote.secrets, created.id),
        credentialsAccountUrl,
      }))!;
      // Connecting asks who Tandem is there, as the wizard does: its own changes never come back.
      const connection = await deps.sync.gateway.connect(keyed);
      const who = await connection.connector.checkConnection(connection.context);
      const connected = (await repo.update(created.id, {
        sealedSecrets: deps.secrets.seal(
          { ...remote.secrets, remoteUserId: who.userId, connectedAs: who.displayName },
          created.id,
        ),
        credentialsAccountUrl,
      }))!;
      const webhook = await registerWebhooks(deps, connected);
      expect(webhook, 'webhooks registered').not.toBeNull();
      await repo.update(created.id, { state: 'enabled', webhook: webhook! });

      // send
      await sendSelection(deps.sync.deps, created.id, { featureIds: [feature.id] });
      await runner.settle();
      const [link] = await deps.sync.deps.roadmap.loadLinks([created.id], [feature.id]);
      expect(link?.remoteId, 'the feature is linked').toBeTruthy();

      // remote edit → webhook in
      await remote.renameAsSomeoneElse(link!.remoteId!, 'Offline sync, renamed remotely');
      await runner.settle();
      await expect
        .poll(async () => (await getFeatureDetail(database.db, workspace.id, feature.id)).name)
        .toBe('Offline sync, renamed remotely');

      // a new child record in the remote → imported as a requirement
      await remote.createChildAsSomeoneElse(link!.remoteId!, 'Retry on reconnect');
      await runner.settle();
      await expect
        .poll(async () =>
          (await getFeatureDetail(database.db, workspace.id, feature.id)).requirements.map(
            (r) => r.name,
          ),
        )
        .toEqual(['Retry on reconnect']);
    });
  });
}
