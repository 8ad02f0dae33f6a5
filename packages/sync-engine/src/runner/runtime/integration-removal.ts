import type { IntegrationRow } from '@tandem/storage';
import type { RunnerDeps } from '../runner-deps.ts';
import { unregisterWebhooks } from '../webhooks/webhook-registration.ts';

/**
 * Deletes an integration: its remote webhooks, its queued sync jobs, its sync states and the
 * link fields on roadmap records go; the roadmap records and the integration log stay.
 */
export async function removeIntegration(deps: RunnerDeps, row: IntegrationRow) {
  await unregisterWebhooks(deps, row);
  await deps.database.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('jobs').where('queue_name', 'like', `sync:${row.id}:%`).execute();
    await trx.deleteFrom('job_queues').where('queue_name', 'like', `sync:${row.id}:%`).execute();
    await trx.deleteFrom('record_syncs').where('integration_id', '=', row.id).execute();
    await trx.deleteFrom('integration_fields').where('integration_id', '=', row.id).execute();
    await trx.deleteFrom('webhook_deliveries').where('integration_id', '=', row.id).execute();
    await trx.deleteFrom('import_candidates').where('integration_id', '=', row.id).execute();
    await trx.deleteFrom('integrations').where('id', '=', row.id).execute();
  });
}
