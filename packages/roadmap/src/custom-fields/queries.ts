import type { CustomFieldDefinition, RecordType } from '@tandem/contracts';
import { decodeRow } from '../events/record-tables.ts';
import type { CustomFieldRow } from '../events/rows.ts';
import type { Reader } from '../store.ts';

export const toCustomField = (r: CustomFieldRow): CustomFieldDefinition => ({
  id: r.id,
  recordType: r.record_type,
  key: r.key,
  label: r.label,
  type: r.type,
  options: r.options,
  required: r.required,
  position: r.position,
});

export async function listCustomFieldRows(
  db: Reader,
  workspaceId: string,
  recordType?: RecordType,
): Promise<CustomFieldRow[]> {
  let query = db
    .selectFrom('custom_field_definitions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('record_type')
    .orderBy('position');
  if (recordType) query = query.where('record_type', '=', recordType);
  const rows = await query.execute();
  return rows.map((r) => decodeRow<CustomFieldRow>('custom_field_definitions', r));
}

export async function listCustomFields(
  db: Reader,
  workspaceId: string,
): Promise<CustomFieldDefinition[]> {
  return (await listCustomFieldRows(db, workspaceId)).map(toCustomField);
}
