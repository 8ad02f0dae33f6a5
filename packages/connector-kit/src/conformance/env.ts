import { randomUUID } from 'node:crypto';
import type { RemoteRecord, RemoteRef } from '../port/model.ts';
import { startWebhookReceiver } from './receiver.ts';
import type {
  ConformanceEnv,
  ConformanceOptions,
  ConnectorUnderTest,
  SimulatorHandle,
  WebhookReceiver,
} from './types.ts';

export interface OpenEnv<Config> {
  env: ConformanceEnv<Config>;
  close(): Promise<void>;
}

async function closeUnderTest(underTest: ConnectorUnderTest<unknown>): Promise<void> {
  if (underTest.close) await underTest.close();
  else await underTest.ctx.transport.close();
}

/** Starts the simulator and the connector the suites run against. */
export async function openConformanceEnv<Config, Sim extends SimulatorHandle>(
  options: ConformanceOptions<Config, Sim>,
): Promise<OpenEnv<Config>> {
  const { fixture } = options.config;
  const simulator = await options.startSimulator();
  const underTest = await options.makeConnector(simulator, { credentials: 'valid' });
  const { connector, ctx } = underTest;
  const opened: ConnectorUnderTest<Config>[] = [];
  const created: RemoteRef[] = [];
  const run = randomUUID().slice(0, 8);
  let counter = 0;
  let receiver: Promise<WebhookReceiver> | undefined;

  const unique = (prefix = 'conf') => {
    counter += 1;
    return `${prefix}-${run}-${counter}`;
  };

  const env: ConformanceEnv<Config> = {
    connector,
    ctx,
    simulator,
    fixture,
    webhookTimeoutMs: options.config.webhookTimeoutMs ?? 5000,
    unique,
    async withRevokedCredentials() {
      const revoked = await options.makeConnector(simulator, { credentials: 'revoked' });
      opened.push(revoked);
      return revoked;
    },
    receiver() {
      receiver ??= startWebhookReceiver();
      return receiver;
    },
    async createRecord(type = fixture.recordType, parent?: RemoteRecord) {
      const seed = unique('rec');
      const fields =
        type === fixture.recordType ? fixture.newFields(seed) : fixture.newFieldsOf?.(type, seed);
      if (!fields) throw new Error(`fixture.newFieldsOf is needed to create a ${type}`);
      const record = await connector.createRecord(ctx, {
        scope: fixture.scope,
        type,
        fields,
        idempotencyToken: unique('token'),
        ...(parent ? { parent: { type: parent.type, id: parent.id } } : {}),
      });
      created.push({ type: record.type, id: record.id });
      return record;
    },
  };

  return {
    env,
    async close() {
      for (const ref of created.reverse()) {
        await connector.deleteRecord(ctx, ref).catch(() => {});
      }
      if (receiver) await (await receiver).close();
      for (const extra of opened) await closeUnderTest(extra as ConnectorUnderTest<unknown>);
      await closeUnderTest(underTest as ConnectorUnderTest<unknown>);
      await simulator.close();
    },
  };
}
