import {
  integrationContext,
  type Store,
  setIntegrationFieldsIn,
  writeWithin,
} from '@tandem/roadmap';
import { readJson } from '@tandem/storage';
import type { RecordRef, SyncSnapshot } from '../../core/index.ts';
import type { Trx } from '../sync/index.ts';

/** A record's last synced snapshot for one integration (in the caller's transaction, if any). */
export async function loadSnapshotWithin(
  trx: Pick<Trx, 'selectFrom'>,
  integrationId: string,
  recordId: string,
): Promise<SyncSnapshot | null> {
  const row = await trx
    .selectFrom('integration_fields')
    .select('value')
    .where('integration_id', '=', integrationId)
    .where('record_id', '=', recordId)
    .where('key', '=', 'snapshot')
    .executeTakeFirst();
  return row ? (readJson<SyncSnapshot | null>(row.value) ?? null) : null;
}

/**
 * Replaces a linked record's snapshot with `next(stored)`, through the roadmap's writer (an
 * integration-field write with its event). Nothing is written when the link is gone or when the
 * snapshot stays as it was.
 */
export async function saveSnapshotWithin(
  store: Store,
  trx: Trx,
  integrationId: string,
  record: RecordRef,
  next: (stored: SyncSnapshot | null) => SyncSnapshot | null,
  now: Date,
): Promise<void> {
  const linked = await trx
    .selectFrom('integration_fields')
    .select('id')
    .where('integration_id', '=', integrationId)
    .where('record_id', '=', record.id)
    .where('key', '=', 'remoteId')
    .executeTakeFirst();
  if (!linked) return;
  const stored = await loadSnapshotWithin(trx, integrationId, record.id);
  const snapshot = next(stored);
  if (snapshot === null || JSON.stringify(snapshot) === JSON.stringify(stored)) return;
  await writeWithin(trx, store, integrationContext(integrationId, now), (tx) =>
    setIntegrationFieldsIn(tx, {
      integrationId,
      recordType: record.kind,
      recordId: record.id,
      fields: { snapshot },
    }),
  );
}
