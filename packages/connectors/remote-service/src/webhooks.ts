/**
 * Tandem exposes a webhook URL per integration (a token in the URL: the remote system that posts
 * there cannot sign). The body is forwarded to the service as the `webhook` event; the changes it
 * answers become the port's `RemoteChange`s.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  type RegisterWebhookInput,
  type RemoteChange,
  RemoteError,
  type WebhookDelivery,
  type WebhookRegistration,
} from '@tandem/connector-kit';
import { type Ctx, deliver, integrationIdOf } from './deliver.ts';
import { type Adapter, accountOf } from './records.ts';

const KIND = { features: 'feature', releases: 'release', requirements: 'requirement' } as const;

export function registerWebhook(ctx: Ctx, input: RegisterWebhookInput): WebhookRegistration {
  const secret = randomBytes(24).toString('base64url');
  const url = new URL(input.targetUrl);
  url.searchParams.set('token', secret);
  return { id: `${integrationIdOf(ctx)}:${ctx.config.service}`, targetUrl: url.href, secret };
}

export function verifyDelivery(
  registration: WebhookRegistration,
  delivery: WebhookDelivery,
): boolean {
  const token = new URL(delivery.url, 'http://localhost').searchParams.get('token') ?? '';
  const a = Buffer.from(token);
  const b = Buffer.from(registration.secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Sends the delivery to the service and returns the changes it read from it. */
export async function forwardWebhook(
  a: Adapter,
  ctx: Ctx,
  delivery: WebhookDelivery,
): Promise<RemoteChange[]> {
  const headers = Object.fromEntries(
    Object.entries(delivery.headers).filter(([name]) => !/^(cookie|authorization)$/i.test(name)),
  );
  const answer = await deliver(
    ctx,
    {
      event: 'webhook',
      idempotencyKey: `webhook:${hash(delivery.body)}`,
      metaData: a.store.metaData(accountOf(ctx)),
      payload: { webhook: { headers, body: delivery.body } },
    },
    a.onLog,
  );
  return answer.changes.map((change, n) => ({
    kind: change.kind,
    ref: { type: KIND[change.resource], id: change.remote_id },
    version: null,
    changedAt: change.changed_at ?? new Date().toISOString(),
    changedBy: change.changed_by ?? null,
    fields: change.fields,
    changeId: `${hash(delivery.body)}:${n}`,
  }));
}

export function parseDelivery(): RemoteChange[] {
  throw new RemoteError(
    'validation',
    'A remote service reads its own webhooks: forward the delivery with forwardWebhook',
    { retryable: false },
  );
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
