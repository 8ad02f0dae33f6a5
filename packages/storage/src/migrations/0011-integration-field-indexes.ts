import { type Kysely, sql } from 'kysely';

/**
 * Integration-field indexes sized for what is looked up:
 * - the index by (record_type, record_id) goes: the link index (record_id, integration_id) of
 *   0008 answers every lookup by record, and each index costs a page write per new link;
 * - a record by its remote id (every incoming webhook asks) used to scan all of an
 *   integration's fields; a partial index holds only the `remoteId` rows (one of six per link).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('integration_fields_record_idx').execute();
  await db.schema
    .createIndex('integration_fields_remote_id_idx')
    .on('integration_fields')
    .columns(['integration_id', 'value'])
    .where(sql.ref('key'), '=', 'remoteId')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('integration_fields_remote_id_idx').execute();
  await db.schema
    .createIndex('integration_fields_record_idx')
    .on('integration_fields')
    .columns(['record_type', 'record_id'])
    .execute();
}
