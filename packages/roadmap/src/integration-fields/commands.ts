import type { RecordType } from '@tandem/contracts';
import type { ActionContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { decodeRow } from '../events/record-tables.ts';
import type { IntegrationFieldRow, NewRow } from '../events/rows.ts';
import { newId, runWrite, type WriteTx } from '../events/write.ts';
import type { Reader, Store } from '../store.ts';

const TABLE_OF = {
  release: 'releases',
  initiative: 'initiatives',
  feature: 'features',
  requirement: 'requirements',
} as const;

async function workspaceOfRecord(db: Reader, recordType: RecordType, recordId: string) {
  const row = await db
    .selectFrom(TABLE_OF[recordType])
    .select('workspace_id')
    .where('id', '=', recordId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(recordType[0]!.toUpperCase() + recordType.slice(1));
  return row.workspace_id;
}

async function rowsOf(
  db: Reader,
  recordType: RecordType,
  recordId: string,
  integrationId?: string,
): Promise<IntegrationFieldRow[]> {
  let query = db
    .selectFrom('integration_fields')
    .selectAll()
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('integration_id')
    .orderBy('key');
  if (integrationId) query = query.where('integration_id', '=', integrationId);
  const rows = await query.execute();
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
