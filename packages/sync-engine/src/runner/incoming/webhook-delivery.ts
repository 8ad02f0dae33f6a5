import { RemoteError, type WebhookDelivery } from '@tandem/connector-kit';
import { isActiveIntegration } from '@tandem/contracts';
import {
  type IntegrationRow,
  integrationLogRepository,
  integrationsRepository,
} from '@tandem/storage';
import { remoteCallFailed } from '../errors.ts';
import type { RunnerDeps } from '../runner-deps.ts';
import { openWebhook, storedWebhook } from '../webhooks/webhook-registration.ts';
import { type DeliveryOutcome, handleRemoteChange } from './incoming-webhook.ts';

/** What became of one webhook delivery; the host answers the remote accordingly. */
export type DeliveryResult =
  | { kind: 'refused' }
  | { kind: 'inactive'; state: string }
  | { kind: 'not_connected' }
  | { kind: 'malformed'; message: string }
  | { kind: 'accepted'; accepted: number; outcomes: DeliveryOutcome[] };

/**
 * Whether the delivery carries the secret of the webhook this integration registered. Opens the
 * webhook secret only (never the integration's credentials) and asks the connector's pure
 * `verifyDelivery`; writes nothing.
 */
export function verifiedDelivery(
  deps: Pick<RunnerDeps, 'secrets' | 'connectors'>,
  row: IntegrationRow,
  delivery: WebhookDelivery,
): boolean {
  try {
    const registration = openedWebhook(deps, row);
    return (
      registration !== null &&
      deps.connectors.connectorFor(row.system).verifyDelivery(registration, delivery)
    );
  } catch {
    return false;
  }
}

/** Opened webhook secrets by their sealed form (a send brings thousands of deliveries). */
const opened = new Map<string, ReturnType<typeof openWebhook>>();

function openedWebhook(deps: Pick<RunnerDeps, 'secrets'>, row: IntegrationRow) {
  const sealed = storedWebhook(row)?.sealedSecret;
  if (!sealed) return null;
  const key = `${row.id}:${row.version}:${sealed}`;
  let registration = opened.get(key);
  if (registration === undefined) {
    registration = openWebhook(deps.secrets, row);
    if (opened.size >= 256) opened.delete(opened.keys().next().value!);
    opened.set(key, registration);
  }
  return registration;
}

/**
 * One delivery from a remote: the proof is checked first (a refused delivery writes nothing and
 * decrypts no credentials), then every change it carries is brought in. A failure to handle a
 * change is logged and thrown (the remote retries the delivery).
 */
export async function receiveDelivery(
  deps: RunnerDeps,
  row: IntegrationRow,
  delivery: WebhookDelivery,
): Promise<DeliveryResult> {
  if (!verifiedDelivery(deps, row, delivery)) return { kind: 'refused' };
  const log = (level: 'info' | 'warn', message: string) =>
    integrationLogRepository(deps.database.db).append(
      { integrationId: row.id, workspaceId: row.workspaceId, level, event: 'webhook', message },
      deps.now().toISOString(),
    );
  if (!isActiveIntegration(row.state)) {
    // Not taken, and not acknowledged: a remote that retries may deliver it once re-enabled.
    const state = row.state.replaceAll('_', ' ');
    await log('info', `Received a webhook delivery while ${state}; not taken`);
    return { kind: 'inactive', state };
  }
  let connection: Awaited<ReturnType<typeof deps.sync.gateway.connect>>;
  try {
    connection = await deps.sync.gateway.connect(row);
  } catch {
    await log('warn', 'Received a webhook delivery, but the integration is not connected; ignored');
    return { kind: 'not_connected' };
  }
  let changes: ReturnType<typeof connection.connector.parseDelivery>;
  try {
    changes = connection.connector.parseDelivery(delivery.body);
  } catch (error) {
    const message = RemoteError.is(error) ? error.message : 'The delivery could not be read';
    await log('warn', `Refused a webhook delivery: ${message}`);
    return { kind: 'malformed', message };
  }
  const outcomes: DeliveryOutcome[] = [];
  for (const change of changes) {
    try {
      outcomes.push(await handleRemoteChange(deps, row, connection, change));
    } catch (error) {
      await log(
        'warn',
        `Could not handle a webhook delivery for ${change.ref.type} ${change.ref.id}: ${error instanceof Error ? error.message : String(error)}`,
      );
      throw remoteCallFailed(error, deps.connectors.displayNameOf(row.system));
    }
  }
  // Anything received locks the account URL (the records now point at that account).
  const at = deps.now().toISOString();
  await integrationsRepository(deps.database.db).update(row.id, {
    lastSyncAt: at,
    ...(row.accountLockedAt ? {} : { accountLockedAt: at }),
  });
  return { kind: 'accepted', accepted: changes.length, outcomes };
}
