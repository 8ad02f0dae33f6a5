/**
 * Service-hook subscriptions: one per event (`workitem.created`, `.updated`, `.deleted`),
 * filtered by the project and the area path (sub-areas included, as Azure DevOps filters), and
 * by the work item type when the caller names exactly one. Web hooks are not signed, so each
 * subscription sends a secret header (`X-Tandem-Hook-Secret`) that `verifyDelivery` checks, and
 * the delivery must name one of the registration's subscriptions.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type {
  ConnectorContext,
  RegisterWebhookInput,
  WebhookDelivery,
  WebhookRegistration,
} from '@tandem/connector-kit';
import { RemoteError } from '@tandem/connector-kit';
import { AdoClient } from './client.ts';
import type { AzureDevOpsConfig } from './spec.ts';

type Ctx = ConnectorContext<AzureDevOpsConfig>;

export const secretHeader = 'x-tandem-hook-secret';
export const hookEvents = ['workitem.created', 'workitem.updated', 'workitem.deleted'] as const;

export function equalSecrets(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export async function registerWebhook(
  ctx: Ctx,
  input: RegisterWebhookInput,
): Promise<WebhookRegistration> {
  const api = new AdoClient(ctx);
  const secret = randomBytes(24).toString('hex');
  const areaPath = input.scope.projectId ?? ctx.config.projectId;
  const ids: string[] = [];
  try {
    for (const eventType of hookEvents) {
      const created = await api.json<{ id: string }>(
        'POST',
        '/_apis/hooks/subscriptions',
        'registerWebhook',
        {
          json: {
            publisherId: 'tfs',
            eventType,
            resourceVersion: '1.0',
            consumerId: 'webHooks',
            consumerActionId: 'httpRequest',
            publisherInputs: {
              projectId: input.scope.workspaceId,
              areaPath,
              workItemType: input.types?.length === 1 ? input.types[0] : '',
            },
            consumerInputs: {
              url: input.targetUrl,
              httpHeaders: `X-Tandem-Hook-Secret: ${secret}`,
              resourceDetailsToSend: 'all',
              messagesToSend: 'none',
              detailedMessagesToSend: 'none',
            },
          },
        },
      );
      ids.push(created.id);
    }
  } catch (error) {
    // Nothing half-made stays behind.
    await Promise.all(ids.map((id) => deleteSubscription(api, id).catch(() => {})));
    throw error;
  }
  return { id: ids.join(','), targetUrl: input.targetUrl, secret };
}

async function deleteSubscription(api: AdoClient, id: string): Promise<void> {
  await api.send(
    'DELETE',
    api.url(`/_apis/hooks/subscriptions/${encodeURIComponent(id)}`),
    'unregisterWebhook',
    {
      accept: (status) => status === 404,
    },
  );
}

export async function unregisterWebhook(
  ctx: Ctx,
  registration: WebhookRegistration,
): Promise<void> {
  const api = new AdoClient(ctx);
  for (const id of registration.id.split(',').filter(Boolean)) await deleteSubscription(api, id);
}

export function verifyDelivery(
  registration: WebhookRegistration,
  delivery: WebhookDelivery,
): boolean {
  const sent = delivery.headers[secretHeader];
  if (!sent || !equalSecrets(sent, registration.secret)) return false;
  let subscriptionId: unknown;
  try {
    subscriptionId = (JSON.parse(delivery.body) as { subscriptionId?: unknown }).subscriptionId;
  } catch {
    // The secret decides; `parseDelivery` refuses the body with its own reason.
    return true;
  }
  return typeof subscriptionId !== 'string' || registration.id.split(',').includes(subscriptionId);
}

export function malformed(reason: string): RemoteError {
  return new RemoteError('validation', `Not an Azure DevOps service-hook delivery: ${reason}`, {
    retryable: false,
  });
}
