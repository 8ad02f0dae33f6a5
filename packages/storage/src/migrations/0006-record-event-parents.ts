import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../column-types.ts';

/**
 * The record an event's record belongs to (a requirement's or attachment's feature, an
 * integration field's record), so a consumer refreshes the feature without looking rows up.
 */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema.alterTable('record_events').addColumn('parent_type', t.text).execute();
  await db.schema.alterTable('record_events').addColumn('parent_id', t.id).execute();
  await db.schema
    .createIndex('record_events_parent_idx')
    .on('record_events')
    .columns(['parent_type', 'parent_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('record_events_parent_idx').execute();
  await db.schema.alterTable('record_events').dropColumn('parent_id').execute();
  await db.schema.alterTable('record_events').dropColumn('parent_type').execute();
}
