import type { Kysely } from 'kysely';

/**
 * Indexes for the sync engine's hottest lookups, each of which scanned a growing table and made
 * a bulk send slower with every record it sent:
 * - a record's link, by record and integration (any record type);
 * - the next ready job of a named queue (the ready-jobs index was chosen for its order instead).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('integration_fields_link_idx')
    .on('integration_fields')
    .columns(['record_id', 'integration_id'])
    .execute();
  await db.schema
    .createIndex('jobs_queue_head_idx')
    .on('jobs')
    .columns(['queue_name', 'status', 'run_at', 'id'])
    .execute();
  await db.schema.dropIndex('jobs_queue_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('jobs_queue_idx').on('jobs').column('queue_name').execute();
  await db.schema.dropIndex('jobs_queue_head_idx').execute();
  await db.schema.dropIndex('integration_fields_link_idx').execute();
}
