import { RemoteError } from '@tandem/connector-kit';
import { isActiveIntegration } from '@tandem/contracts';
import { integrationLogRepository, integrationsRepository } from '@tandem/storage';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { handleRemoteChange } from '../integrations/incoming-webhook.ts';
import { remoteFailure } from '../integrations/remote-failure.ts';
import { storedWebhook } from '../integrations/webhook-registration.ts';
import { AppError } from '../lib/errors.ts';

/**
 * Deliveries from remotes (no session, no CSRF token: the remote proves itself with the secret
 * the registration put in the target URL, which the connector verifies).
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
  const registration = storedWebhook(row);
  let connection: Awaited<ReturnType<typeof deps.sync.gateway.connect>>;
  try {
    connection = await deps.sync.gateway.connect(row);
  } catch {
    await log('warn', 'Received a webhook delivery, but the integration is not connected; ignored');
    return c.json({ accepted: 0 }, 202);
  }
  if (
    !registration ||
    !connection.connector.verifyDelivery(registration, { url: c.req.url, headers, body })
  ) {
    await log('warn', 'Refused a webhook delivery that does not carry this integration’s token');
    throw AppError.unauthenticated(
      'This delivery is not for a webhook this integration registered',
    );
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
