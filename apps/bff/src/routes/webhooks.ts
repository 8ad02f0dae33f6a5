import { integrationsRepository } from '@tandem/storage';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';

/**
 * Deliveries from remotes (no session, no CSRF token: the remote proves itself with the secret
 * the registration put in the target URL, which the connector verifies). The proof is checked
 * first, right after the integration is read: a refused delivery writes nothing and decrypts no
 * credentials; refusals are counted and logged once a minute per integration. An accepted
 * delivery is answered once its changes are queued (or recognised as Tandem's own echoes); the
 * inbox applies them in batches (decision 028).
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
  const result = await deps.webhookInbox.accept(row, { url: c.req.url, headers, body });
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
  if (result.kind === 'malformed')
    throw AppError.validation([{ path: '(body)', message: result.message }], result.message);
  const { accepted, queued, echoes, duplicates } = result;
  return c.json({ accepted, queued, echoes, duplicates }, 200);
});
