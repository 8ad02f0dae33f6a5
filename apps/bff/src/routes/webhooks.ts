import { integrationsRepository } from '@tandem/storage';
import { receiveDelivery } from '@tandem/sync-engine/runner';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';

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
  const result = await receiveDelivery(deps, row, { url: c.req.url, headers, body });
  if (result.kind === 'refused') {
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
  if (result.kind === 'inactive')
    throw AppError.conflict(`This integration is ${result.state}; the delivery was not taken`);
  if (result.kind === 'not_connected') return c.json({ accepted: 0 }, 202);
  if (result.kind === 'malformed')
    throw AppError.validation([{ path: '(body)', message: result.message }], result.message);
  return c.json({ accepted: result.accepted, outcomes: result.outcomes }, 200);
});
