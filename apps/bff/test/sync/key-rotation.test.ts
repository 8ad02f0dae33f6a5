import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getIntegrationFields } from '@tandem/roadmap';
import { type RunningRallySimulator, startRallySimulator } from '@tandem/sim-rally';
import {
  createSecretBox,
  integrationsRepository,
  loadSecretKeys,
  openSecretBox,
  rotateSecretKeys,
} from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { sendSelection } from '@tandem/sync-engine/runner';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSyncService } from '../../src/sync/sync-service.ts';
import { rallyWorkspace } from './support.ts';

/**
 * `./tandem rotate-key` on a working integration: every secret moves to the new key, the old key
 * opens none of them, and sending through Rally goes on — in the running process (its box re-reads
 * the key file) and in a restarted one.
 */
describeEachDialect('Secret key rotation', (handle) => {
  let sim: RunningRallySimulator;
  beforeAll(async () => {
    sim = await startRallySimulator({ port: 0 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('keeps sending through Rally after rotation; the old key opens nothing', {
    timeout: 30_000,
  }, async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'tandem-keyfile-')), 'keys', 'tandem.key');
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-data-'));
    const box = openSecretBox({ keyFile, dataDir });
    const oldKey = loadSecretKeys({ keyFile, dataDir }).current;
    const ws = await rallyWorkspace(handle(), sim.url, { box });
    ws.sync.worker.start();

    async function sendAndLink(sync: typeof ws.sync, name: string) {
      const feature = await ws.feature(name);
      await sendSelection(sync.deps, ws.integrationId, { featureIds: [feature.id] });
      await sync.worker.drained();
      const link = (await getIntegrationFields(handle().db, 'feature', feature.id))[
        ws.integrationId
      ];
      expect(link?.formattedId, name).toMatch(/^F\d+$/);
    }
    await sendAndLink(ws.sync, 'Sent before rotation');

    const result = await rotateSecretKeys(handle().db, loadSecretKeys({ keyFile, dataDir }));
    expect(result.resealed).toBeGreaterThan(0);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir)).toEqual([]);

    const row = await integrationsRepository(handle().db).find(ws.integrationId);
    expect(box.keyIdOf(row!.sealedSecrets!)).toBe(result.keyId);
    expect(() => createSecretBox(oldKey).open(row!.sealedSecrets!, row!.id)).toThrow();
    // The running process's box follows the key file.
    expect(box.open(row!.sealedSecrets!, row!.id)).toMatchObject({ apiKey: expect.any(String) });
    await sendAndLink(ws.sync, 'Sent by the running process after rotation');
    await ws.sync.close();

    const restarted = createSyncService({
      database: handle(),
      box: openSecretBox({ keyFile, dataDir }),
      logger: pino({ level: 'silent' }),
      transport: { allowPrivateNetwork: true },
    });
    restarted.worker.start();
    try {
      await sendAndLink(restarted, 'Sent after a restart');
    } finally {
      await restarted.close();
    }
  });
});
