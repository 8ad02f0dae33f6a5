import { RemoteError } from '@tandem/connector-kit';
import { isActiveIntegration } from '@tandem/contracts';
import {
  type IntegrationRow,
  integrationLogRepository,
  integrationsRepository,
} from '@tandem/storage';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { handleRemoteChange } from '../integrations/incoming-webhook.ts';
import { remoteFailure } from '../integrations/remote-failure.ts';
import { openWebhook } from '../integrations/webhook-registration.ts';
import { AppError } from '../lib/errors.ts';
import { connectorFor } from '../sync/connectors.ts';

type Delivery = { url: string; headers: Record<string, string>; body: string };

/**
 * Whether the delivery carries the secret of the webhook this integration registered. Opens the
 * webhook secret only (never the integration's credentials) and asks the connector's pure
 * `verifyDelivery`; writes nothing.
 */
function verified(
  deps: AppEnv['Variables']['deps'],
  row: IntegrationRow,
  delivery: Delivery,
): boolean {
  try {
    const registration = openWebhook(deps.secrets, row);
    return registration !== null && connectorFor(row.system).verifyDelivery(registration, delivery);
  } catch {
    return false;
  }
}

/**
 * Deliveries from remotes (no session, no CSRF token: the remote proves itself with the secret
 * the registration put in the target URL, which the connector verifies). The proof is checked
 * first, right after the integration is read: a refused delivery writes nothing and decrypts no
 * credentials; refusals are counted and logged once a minute per integration.
 */
export const webhookRoutes = new Hono<AppEnv>().post('/:integrationId', async (c) => {
  const deps = c.var.deps;
  const row = await integrationsRepository(deps.database.db).find(c.req.param('integrationId'));
  if (!row) throw AppError.notFound('Integration');
  const body = await c.req.text();
  const headers: Record<string, string> = {};
  c.req.raw.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  if (!verified(deps, row, { url: c.req.url, headers, body })) {
    const verdict = deps.webhookRefusals.refuse(row);
    if (verdict.limited) {
      c.header('Retry-After', String(verdict.retryAfterSeconds));
      return c.json(
        {
          error: {
            code: 'rate_limited' as const,
            message: 'Too many refused deliveries for this integration; try again later',
          },
        },
        429,
      );
    }
    throw AppError.unauthenticated(
      'This delivery is not for a webhook this integration registered',
    );
  }
  const log = (level: 'info' | 'warn', message: string) =>
    integrationLogRepository(deps.database.db).append(
      { integrationId: row.id, workspaceId: row.workspaceId, level, event: 'webhook', message },
      deps.now().toISOString(),
    );
  if (!isActiveIntegration(row.state)) {
    // Not taken, and not acknowledged: a remote that retries may deliver it once re-enabled.
    const state = row.state.replaceAll('_', ' ');
    await log('info', `Received a webhook delivery while ${state}; not taken`);
    throw AppError.conflict(`This integration is ${state}; the delivery was not taken`);
  }
  let connection: Awaited<ReturnType<typeof deps.sync.gateway.connect>>;
  try {
    connection = await deps.sync.gateway.connect(row);
  } catch {
    await log('warn', 'Received a webhook delivery, but the integration is not connected; ignored');
    return c.json({ accepted: 0 }, 202);
  }
  let changes: ReturnType<typeof connection.connector.parseDelivery>;
  try {
    changes = connection.connector.parseDelivery(body);
  } catch (error) {
    const message = RemoteError.is(error) ? error.message : 'The delivery could not be read';
    await log('warn', `Refused a webhook delivery: ${message}`);
    throw AppError.validation([{ path: '(body)', message }], message);
  }
  const outcomes = [];
  for (const change of changes) {
    try {
      outcomes.push(await handleRemoteChange(deps, row, connection, change));
    } catch (error) {
      // The remote retries a failed delivery; the log says why this one failed.
      await log(
        'warn',
        `Could not handle a webhook delivery for ${change.ref.type} ${change.ref.id}: ${error instanceof Error ? error.message : String(error)}`,
      );
      throw remoteFailure(error);
    }
  }
  // Anything received locks the account URL (the records now point at that account).
  const at = deps.now().toISOString();
  await integrationsRepository(deps.database.db).update(row.id, {
    lastSyncAt: at,
    ...(row.accountLockedAt ? {} : { accountLockedAt: at }),
  });
  return c.json({ accepted: changes.length, outcomes }, 200);
});
