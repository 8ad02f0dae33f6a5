import { randomBytes } from 'node:crypto';
import type { IntegrationSettings, IntegrationSystem, RecordMapping } from '@tandem/contracts';
import {
  createFeature,
  createRelease,
  createRequirement,
  ensureWorkflows,
  userContext,
} from '@tandem/roadmap';
import { DEFAULT_ADMIN_API_KEY, SEED_IDS } from '@tandem/sim-rally';
import {
  createSecretBox,
  type DatabaseHandle,
  integrationsRepository,
  type SecretBox,
  usersRepository,
  workspacesRepository,
} from '@tandem/storage';
import { accountOrigin, type IntegrationSecrets } from '@tandem/sync-engine/runner';
import { RALLY_TEST_MAPPINGS } from '@tandem/testkit';
import pino from 'pino';
import { expect } from 'vitest';
import { createSyncService } from '../../src/sync/sync-service.ts';

/** The smallest useful Rally mapping (shared with the e2e flows). */
export const RALLY_MAPPINGS: RecordMapping[] = RALLY_TEST_MAPPINGS;

/** What a test integration is made with: its system, settings and stored credentials. */
export interface TestIntegration {
  system: IntegrationSystem;
  name: string;
  config: IntegrationSettings;
  secrets: IntegrationSecrets;
}

/**
 * A workspace with a dated release, an owner, and an enabled integration made from `integration`,
 * its credentials bound to its account URL as the wizard binds them (decision 021).
 */
export async function integrationWorkspace(
  database: DatabaseHandle,
  integration: TestIntegration,
  options: {
    transport?: Parameters<typeof createSyncService>[0]['transport'];
    box?: SecretBox;
  } = {},
) {
  const key = `S${randomBytes(3).toString('hex').toUpperCase()}`;
  const owner = await usersRepository(database.db).create({
    email: `${key.toLowerCase()}@send.test`,
    name: 'Sam Sender',
    passwordHash: 'x',
  });
  const workspace = await workspacesRepository(database.db).create({ key, name: `Send ${key}` });
  await workspacesRepository(database.db).addMember(workspace.id, owner.id, 'owner');
  const ctx = userContext(owner.id);
  await ensureWorkflows(database, ctx, workspace.id);
  const release = await createRelease(database, ctx, workspace.id, {
    name: '2027.1 — Offline first',
    startDate: '2027-01-04',
    releaseDate: '2027-03-26',
    parkingLot: false,
  });
  const box = options.box ?? createSecretBox(randomBytes(32));
  const repo = integrationsRepository(database.db);
  const row = await repo.create({
    workspaceId: workspace.id,
    system: integration.system,
    name: integration.name,
    templateId: null,
    config: integration.config,
  });
  await repo.update(row.id, {
    state: 'enabled',
    sealedSecrets: box.seal(integration.secrets, row.id),
    credentialsAccountUrl: accountOrigin(integration.config.accountUrl),
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
  return { workspace, release, integrationId: row.id, feature, sync, owner, box };
}

/** A workspace with a dated release, an owner, and an enabled Rally integration on `rallyUrl`. */
export function rallyWorkspace(
  database: DatabaseHandle,
  rallyUrl: string,
  options: Parameters<typeof integrationWorkspace>[2] = {},
) {
  return integrationWorkspace(
    database,
    {
      system: 'rally',
      name: 'Rally',
      config: {
        accountUrl: rallyUrl,
        remoteWorkspace: { id: String(SEED_IDS.workspace), name: 'Acme' },
        remoteProject: { id: String(SEED_IDS.projectAlpha), name: 'Alpha' },
        excludeChildUpdates: false,
        recordMappings: RALLY_MAPPINGS,
        sendMode: 'auto',
        importNewRecords: true,
      },
      secrets: { apiKey: DEFAULT_ADMIN_API_KEY },
    },
    options,
  );
}

/**
 * The fault suites' verdict: every feature is in the remote exactly once (`counts`: remote
 * records by name) and linked here, and the waits and retries were logged.
 */
export async function expectEachSentOnce(
  database: DatabaseHandle,
  integrationId: string,
  counts: Map<string, number>,
  features: number,
): Promise<void> {
  const duplicates = [...counts].filter(([, n]) => n > 1);
  expect(duplicates).toEqual([]);
  expect(counts.size).toBe(features);
  const linked = await database.db
    .selectFrom('record_syncs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('integration_id', '=', integrationId)
    .where('record_type', '=', 'feature')
    .where('state_name', '=', 'linked')
    .executeTakeFirstOrThrow();
  expect(Number(linked.n)).toBe(features);
  const retries = await database.db
    .selectFrom('integration_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('integration_id', '=', integrationId)
    .where('level', 'in', ['warn', 'error'])
    .executeTakeFirstOrThrow();
  expect(Number(retries.n)).toBeGreaterThan(0);
}
