import { prepareQuery, readJson } from '@tandem/storage';
import type { RecordRef, SyncState } from '../../core/index.ts';
import type { Trx } from './ports.ts';

const selectState = prepareQuery((db, p: { integrationId: string; recordId: string }) =>
  db
    .selectFrom('record_syncs')
    .select('state')
    .where('integration_id', '=', p.integrationId)
    .where('record_id', '=', p.recordId),
);

/** A record's sync state name; most records have one parent, asked for once per job. */
const stateNameOf = prepareQuery((db, p: { integrationId: string; recordId: string }) =>
  db
    .selectFrom('record_syncs')
    .select(['record_id', 'state_name'])
    .where('integration_id', '=', p.integrationId)
    .where('record_id', '=', p.recordId),
);

const upsertState = prepareQuery(
  (
    db,
    p: {
      integrationId: string;
      recordType: RecordRef['kind'];
      recordId: string;
      state: string;
      stateName: string;
      at: string;
    },
  ) =>
    db
      .insertInto('record_syncs')
      .values({
        integration_id: p.integrationId,
        record_type: p.recordType,
        record_id: p.recordId,
        state: p.state,
        state_name: p.stateName,
        updated_at: p.at,
      })
      .onConflict((oc) =>
        oc
          .columns(['integration_id', 'record_id'])
          .doUpdateSet({ state: p.state, state_name: p.stateName, updated_at: p.at }),
      ),
);

export async function loadSyncState(
  trx: Trx,
  integrationId: string,
  record: RecordRef,
): Promise<SyncState> {
  const row = await selectState.first(trx, { integrationId, recordId: record.id });
  return row ? readJson<SyncState>(row.state) : { name: 'unlinked' };
}

export async function saveSyncState(
  trx: Trx,
  integrationId: string,
  record: RecordRef,
  state: SyncState,
  now: Date,
): Promise<void> {
  await upsertState.rows(trx, {
    integrationId,
    recordType: record.kind,
    recordId: record.id,
    state: JSON.stringify(state),
    stateName: state.name,
    at: now.toISOString(),
  });
}

/** State names of these records for one integration (records never synced are absent). */
export async function syncStateNames(
  trx: Pick<Trx, 'selectFrom'>,
  integrationId: string,
  recordIds: readonly string[],
): Promise<Map<string, string>> {
  if (recordIds.length === 0) return new Map();
  const rows =
    recordIds.length === 1
      ? await stateNameOf.rows(trx as Trx, { integrationId, recordId: recordIds[0]! })
      : await trx
          .selectFrom('record_syncs')
          .select(['record_id', 'state_name'])
          .where('integration_id', '=', integrationId)
          .where('record_id', 'in', recordIds)
          .execute();
  return new Map(rows.map((r) => [r.record_id, r.state_name]));
}

/** One record's sync state with every integration that has one, by integration id. */
export async function syncStatesOf(
  db: Pick<Trx, 'selectFrom'>,
  recordId: string,
): Promise<Map<string, SyncState>> {
  const rows = await db
    .selectFrom('record_syncs')
    .select(['integration_id', 'state'])
    .where('record_id', '=', recordId)
    .execute();
  return new Map(rows.map((r) => [r.integration_id, readJson<SyncState>(r.state)]));
}
