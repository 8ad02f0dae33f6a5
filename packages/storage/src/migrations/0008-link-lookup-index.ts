import type { Kysely } from 'kysely';

/**
 * The sync engine reads a record's link by record and integration (any record type): without this
 * index that lookup scanned every field of the integration, and a bulk send slowed as it grew.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('integration_fields_link_idx')
    .on('integration_fields')
    .columns(['record_id', 'integration_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('integration_fields_link_idx').execute();
}
