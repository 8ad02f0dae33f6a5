import { readJson } from '@tandem/storage';
import type { RecordRef, SyncState } from '../../core/index.ts';
import type { Trx } from './ports.ts';

export async function loadSyncState(
  trx: Trx,
  integrationId: string,
  record: RecordRef,
): Promise<SyncState> {
  const row = await trx
    .selectFrom('record_syncs')
    .select('state')
    .where('integration_id', '=', integrationId)
    .where('record_id', '=', record.id)
    .executeTakeFirst();
  return row ? readJson<SyncState>(row.state) : { name: 'unlinked' };
}

export async function saveSyncState(
  trx: Trx,
  integrationId: string,
  record: RecordRef,
  state: SyncState,
  now: Date,
): Promise<void> {
  const values = {
    integration_id: integrationId,
    record_type: record.kind,
    record_id: record.id,
    state: JSON.stringify(state),
    state_name: state.name,
    updated_at: now.toISOString(),
  };
  await trx
    .insertInto('record_syncs')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['integration_id', 'record_id']).doUpdateSet({
        state: values.state,
        state_name: values.state_name,
        updated_at: values.updated_at,
      }),
    )
    .execute();
}

/** State names of these records for one integration (records never synced are absent). */
export async function syncStateNames(
  trx: Pick<Trx, 'selectFrom'>,
  integrationId: string,
  recordIds: readonly string[],
): Promise<Map<string, string>> {
  if (recordIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('record_syncs')
    .select(['record_id', 'state_name'])
    .where('integration_id', '=', integrationId)
    .where('record_id', 'in', recordIds)
    .execute();
  return new Map(rows.map((r) => [r.record_id, r.state_name]));
}
