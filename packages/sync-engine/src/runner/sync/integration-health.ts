import type { Trx } from './ports.ts';

/** Last-sync stamps are refreshed at most this often, so a bulk send does not contend on the row. */
const LAST_SYNC_GRANULARITY_MS = 5_000;

/** What this process last wrote per integration: a healthy, freshly stamped one needs no write. */
const lastHealthy = new Map<string, number>();

/**
 * Keeps the integration's own health in step with what its records just did: a failure makes an
 * enabled integration `failing` (with the reason), a success makes it `enabled` again and moves
 * its last-sync time. Only rows that change are touched.
 */
export async function recordIntegrationOutcome(
  trx: Trx,
  integrationId: string,
  outcome: { ok: true } | { ok: false; message: string },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  if (!outcome.ok) {
    lastHealthy.delete(integrationId);
    await trx
      .updateTable('integrations')
      .set({ state: 'failing', last_error: outcome.message.slice(0, 2000), updated_at: at })
      .where('id', '=', integrationId)
      .where('state', '=', 'enabled')
      .execute();
    return;
  }
  const stamped = lastHealthy.get(integrationId);
  if (stamped !== undefined && now.getTime() - stamped < LAST_SYNC_GRANULARITY_MS) return;
  lastHealthy.set(integrationId, now.getTime());
  await trx
    .updateTable('integrations')
    .set({ state: 'enabled', last_error: null, last_sync_at: at, updated_at: at })
    .where('id', '=', integrationId)
    .where('state', '=', 'failing')
    .execute();
  const stale = new Date(now.getTime() - LAST_SYNC_GRANULARITY_MS).toISOString();
  await trx
    .updateTable('integrations')
    .set({ last_sync_at: at })
    .where('id', '=', integrationId)
    .where((eb) => eb.or([eb('last_sync_at', 'is', null), eb('last_sync_at', '<', stale)]))
    .execute();
}
