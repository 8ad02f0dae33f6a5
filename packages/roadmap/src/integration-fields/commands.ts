import type { RecordType } from '@tandem/contracts';
import { type Database, prepareQuery } from '@tandem/storage';
import type { Kysely } from 'kysely';
import type { ActionContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { decodeRow } from '../events/record-tables.ts';
import type { IntegrationFieldRow, NewRow } from '../events/rows.ts';
import { newId, runWrite, type WriteTx } from '../events/write.ts';
import type { Reader, Store } from '../store.ts';

/** Prepared: a sync writes one record's link fields per created record. */
const workspaceOf = {
  release: prepareQuery((db, p: { id: string }) =>
    db.selectFrom('releases').select('workspace_id').where('id', '=', p.id),
  ),
  initiative: prepareQuery((db, p: { id: string }) =>
    db.selectFrom('initiatives').select('workspace_id').where('id', '=', p.id),
  ),
  feature: prepareQuery((db, p: { id: string }) =>
    db.selectFrom('features').select('workspace_id').where('id', '=', p.id),
  ),
  requirement: prepareQuery((db, p: { id: string }) =>
    db.selectFrom('requirements').select('workspace_id').where('id', '=', p.id),
  ),
} satisfies Record<RecordType, unknown>;

const fieldsOfRecord = prepareQuery((db, p: { recordType: string; recordId: string }) =>
  db
    .selectFrom('integration_fields')
    .selectAll()
    .where('record_type', '=', p.recordType as RecordType)
    .where('record_id', '=', p.recordId)
    .orderBy('integration_id')
    .orderBy('key'),
);
const fieldsOfRecordFor = prepareQuery(
  (db, p: { recordType: string; recordId: string; integrationId: string }) =>
    db
      .selectFrom('integration_fields')
      .selectAll()
      .where('record_type', '=', p.recordType as RecordType)
      .where('record_id', '=', p.recordId)
      .where('integration_id', '=', p.integrationId)
      .orderBy('integration_id')
      .orderBy('key'),
);

async function workspaceOfRecord(db: Reader, recordType: RecordType, recordId: string) {
  const row = await workspaceOf[recordType].first(db as Kysely<Database>, { id: recordId });
  if (!row) throw new NotFoundError(recordType[0]!.toUpperCase() + recordType.slice(1));
  return row.workspace_id;
}

async function rowsOf(
  db: Reader,
  recordType: RecordType,
  recordId: string,
  integrationId?: string,
): Promise<IntegrationFieldRow[]> {
  const rows = integrationId
    ? await fieldsOfRecordFor.rows(db as Kysely<Database>, { recordType, recordId, integrationId })
    : await fieldsOfRecord.rows(db as Kysely<Database>, { recordType, recordId });
  return rows.map((r) => decodeRow<IntegrationFieldRow>('integration_fields', r));
}

export type IntegrationFieldsInput = {
  integrationId: string;
  recordType: RecordType;
  recordId: string;
  /** Key → JSON value (remote id, formatted id, url, last synced snapshot…); null removes a key. */
  fields: Record<string, unknown>;
};

/** Sets some keys of one record's fields for one integration; other keys stay as they are. */
export function setIntegrationFields(
  store: Store,
  ctx: ActionContext,
  input: IntegrationFieldsInput,
): Promise<void> {
  return runWrite(store, ctx, (tx) => setIntegrationFieldsIn(tx, input));
}

/** As `setIntegrationFields`, inside a write the caller already runs. */
export async function setIntegrationFieldsIn(
  tx: WriteTx,
  input: IntegrationFieldsInput,
): Promise<void> {
  const workspaceId = await workspaceOfRecord(tx.read.db, input.recordType, input.recordId);
  const existing = new Map(
    (await rowsOf(tx.read.db, input.recordType, input.recordId, input.integrationId)).map((r) => [
      r.key,
      r,
    ]),
  );
  const added: NewRow<'integration_fields'>[] = [];
  for (const [key, value] of Object.entries(input.fields)) {
    const before = existing.get(key);
    if (value === null || value === undefined) {
      if (before) await tx.remove('integration_fields', before);
    } else if (before) {
      await tx.update('integration_fields', before, { value });
    } else {
      added.push({
        id: newId(),
        workspace_id: workspaceId,
        integration_id: input.integrationId,
        record_type: input.recordType,
        record_id: input.recordId,
        key,
        value,
      });
    }
  }
  // A first link writes several keys at once: one insert for the rows, one for their events.
  await tx.createMany('integration_fields', added);
}

/** Removes every integration's fields of a record (the record is going away). */
export async function removeIntegrationFieldsOf(
  tx: WriteTx,
  recordType: RecordType,
  recordId: string,
  integrationId?: string,
): Promise<void> {
  for (const row of await rowsOf(tx.read.db, recordType, recordId, integrationId)) {
    await tx.remove('integration_fields', row);
  }
}

/** Unlinks a record from one integration. */
export function clearIntegrationFields(
  store: Store,
  ctx: ActionContext,
  input: Omit<IntegrationFieldsInput, 'fields'>,
): Promise<void> {
  return runWrite(store, ctx, (tx) =>
    removeIntegrationFieldsOf(tx, input.recordType, input.recordId, input.integrationId),
  );
}

/** `{ integrationId: { key: value } }` for one record. */
export async function getIntegrationFields(
  db: Reader,
  recordType: RecordType,
  recordId: string,
): Promise<Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const row of await rowsOf(db, recordType, recordId)) {
    const fields = out[row.integration_id] ?? {};
    fields[row.key] = row.value;
    out[row.integration_id] = fields;
  }
  return out;
}
