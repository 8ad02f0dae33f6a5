import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSecretBox, type DatabaseHandle, integrationsRepository } from '@tandem/storage';
import {
  type ConnectorRegistry,
  createSyncRunner,
  type RunnerDeps,
  type RunnerLogger,
  receiveDelivery,
} from '../../../src/runner/index.ts';
import type { RemoteSystem, SystemUnderTest } from './system-under-test.ts';

const silent: RunnerLogger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * The runner with small test implementations where the BFF's would be: a registry of one
 * connector, a silent logger, the real clock, and an HTTP receiver that hands each webhook
 * delivery to `receiveDelivery` (the BFF's webhook route, without the BFF).
 */
export async function startRunner(database: DatabaseHandle, under: SystemUnderTest) {
  const remote: RemoteSystem = await under.start();
  const secrets = createSecretBox(randomBytes(32));
  const connectors: ConnectorRegistry = {
    connectorFor: () => under.connector,
    displayNameOf: () => under.connector.manifest.displayName,
  };
  const sync = createSyncRunner({
    database,
    box: secrets,
    logger: silent,
    connectors,
    concurrency: 8,
    // The simulator listens on 127.0.0.1.
    transport: { allowPrivateNetwork: true },
  });
  let deps: RunnerDeps | undefined;
  const receiver: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      try {
        const id = decodeURIComponent(
          new URL(req.url ?? '/', 'http://x').pathname.split('/').pop()!,
        );
        const row = await integrationsRepository(database.db).find(id);
        if (!row || !deps) return void res.writeHead(404).end();
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
        const result = await receiveDelivery(deps, row, {
          url: `${publicUrl}${req.url}`,
          headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.writeHead(result.kind === 'accepted' ? 200 : 409).end(JSON.stringify(result));
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const publicUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  deps = {
    database,
    now: () => new Date(),
    secrets,
    logger: silent,
    settings: { publicUrl, pollSeconds: 60, pollSafetyNetSeconds: 900 },
    connectors,
    sync,
  };
  sync.worker.start();
  return {
    deps,
    remote,
    /** Waits until the remote's deliveries are in and every job they made is done. */
    async settle() {
      await remote.flushWebhooks();
      await sync.worker.drained();
    },
    async close() {
      await sync.close();
      await new Promise((resolve) => receiver.close(resolve));
      await remote.close();
    },
  };
}
