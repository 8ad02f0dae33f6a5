import { readFileSync } from 'node:fs';
import { defineService, serveService } from '@tandem/service-kit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRemoteServiceConnector, forwardWebhook } from '../src/index.ts';
import { makeCtx } from './support/context.ts';

const secret = 'webhook-service-secret-0123456789';
const rallyMessage = readFileSync(
  new URL(
    '../../../service-kit/fixtures/aha-services/rally/rally_update_webhook.json',
    import.meta.url,
  ),
  'utf8',
);

describe('webhooks: Tandem holds the URL, the service reads the body', () => {
  it('accepts a delivery only with the registration token in the URL', async () => {
    const connector = createRemoteServiceConnector();
    const ctx = makeCtx('http://127.0.0.1:9', secret);
    const registration = await connector.registerWebhook(ctx, {
      targetUrl: 'https://tandem.example/api/webhooks/int-1',
      scope: { workspaceId: 'tracker' },
    });
    expect(
      connector.verifyDelivery(registration, {
        url: registration.targetUrl,
        headers: {},
        body: '{}',
      }),
    ).toBe(true);
    expect(
      connector.verifyDelivery(registration, {
        url: 'https://tandem.example/api/webhooks/int-1?token=guess',
        headers: {},
        body: '{}',
      }),
    ).toBe(false);
    expect(
      connector.verifyDelivery(registration, {
        url: 'https://tandem.example/api/webhooks/int-1',
        headers: {},
        body: '{}',
      }),
    ).toBe(false);
  });

  it('forwards the body as the webhook event and returns the changes the service answers', async () => {
    const service = defineService({
      name: 'tracker',
      title: 'Reads Rally messages',
      config: z.object({ board: z.string() }),
      handlers: {
        webhook({ webhook }, ctx) {
          const { message } = JSON.parse(webhook.body);
          const state = Object.values(message.state) as { name: string; value: unknown }[];
          const name = state.find((s) => s.name === 'Name')?.value;
          ctx.reportChange({
            kind: 'updated',
            resource: 'features',
            remote_id: String(message.object_id),
            fields: { name },
            changed_by: 'rally-user',
          });
        },
      },
    });
    const running = await serveService(service, { secret });
    try {
      const changes = await forwardWebhook(
        createRemoteServiceConnector().adapter,
        makeCtx(running.url, secret),
        {
          url: 'https://tandem.example/api/webhooks/int-1?token=t',
          headers: { 'content-type': 'application/json', cookie: 'session=secret' },
          body: rallyMessage,
        },
      );
      expect(changes).toEqual([
        expect.objectContaining({
          kind: 'updated',
          ref: { type: 'feature', id: JSON.parse(rallyMessage).message.object_id },
          fields: { name: 'rhodes synth' },
          changedBy: 'rally-user',
        }),
      ]);
    } finally {
      await running.close();
    }
  });
});
