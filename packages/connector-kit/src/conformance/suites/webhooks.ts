import { expect } from 'vitest';
import { RemoteError } from '../../port/errors.ts';
import {
  remoteChangeSchema,
  type WebhookDelivery,
  webhookRegistrationSchema,
} from '../../port/model.ts';
import type { ConformanceCase, ConformanceEnv, ReceivedDelivery } from '../types.ts';

async function registerAt(env: ConformanceEnv, path: string) {
  const receiver = await env.receiver();
  const registration = webhookRegistrationSchema.parse(
    await env.connector.registerWebhook(env.ctx, {
      targetUrl: `${receiver.url}/${path}`,
      scope: env.fixture.scope,
      types: [env.fixture.recordType],
    }),
  );
  return { receiver, registration };
}

const asDelivery = (received: ReceivedDelivery): WebhookDelivery => ({
  url: received.url,
  headers: received.headers,
  body: received.body,
});

export const webhooksSuite: ConformanceCase[] = [
  {
    name: 'a change is delivered, verifies, and parses to a change of that record',
    async run(env) {
      const path = env.unique('hook');
      const { receiver, registration } = await registerAt(env, path);
      try {
        const record = await env.createRecord();
        await env.connector.updateRecord(env.ctx, record, {
          fields: env.fixture.changedFields(env.unique()),
        });
        const matches = (received: ReceivedDelivery) =>
          received.path.startsWith(`/${path}`) &&
          env.connector.parseDelivery(received.body).some((change) => change.ref.id === record.id);
        const received = await receiver.waitFor(matches, env.webhookTimeoutMs);
        expect(env.connector.verifyDelivery(registration, asDelivery(received))).toBe(true);
        const changes = env.connector
          .parseDelivery(received.body)
          .map((c) => remoteChangeSchema.parse(c));
        const change = changes.find((c) => c.ref.id === record.id);
        expect(change?.ref.type).toBe(env.fixture.recordType);
      } finally {
        await env.connector.unregisterWebhook(env.ctx, registration);
      }
    },
  },
  {
    name: 'verifyDelivery refuses a delivery checked against another registration',
    async run(env) {
      const path = env.unique('hook');
      const { receiver, registration } = await registerAt(env, path);
      try {
        await env.createRecord();
        const received = await receiver.waitFor(
          (r) => r.path.startsWith(`/${path}`),
          env.webhookTimeoutMs,
        );
        const forged = { ...registration, secret: `${registration.secret}-forged` };
        expect(env.connector.verifyDelivery(forged, asDelivery(received))).toBe(false);
      } finally {
        await env.connector.unregisterWebhook(env.ctx, registration);
      }
    },
  },
  {
    name: 'parseDelivery rejects a malformed body with a RemoteError of kind "validation"',
    async run({ connector }) {
      for (const body of ['', 'not json', '{"unexpected":true}']) {
        let thrown: unknown;
        try {
          connector.parseDelivery(body);
        } catch (error) {
          thrown = error;
        }
        expect(
          RemoteError.is(thrown),
          `parseDelivery(${JSON.stringify(body)}) did not throw a RemoteError`,
        ).toBe(true);
        expect((thrown as RemoteError).kind).toBe('validation');
      }
    },
  },
  {
    name: 'after unregisterWebhook nothing more is delivered',
    async run(env) {
      const path = env.unique('hook');
      const { receiver, registration } = await registerAt(env, path);
      await env.connector.unregisterWebhook(env.ctx, registration);
      await env.createRecord();
      const late = await receiver
        .waitFor((r) => r.path.startsWith(`/${path}`), Math.min(1000, env.webhookTimeoutMs))
        .then(
          () => true,
          () => false,
        );
      expect(late, 'a delivery arrived after unregisterWebhook').toBe(false);
    },
  },
];
