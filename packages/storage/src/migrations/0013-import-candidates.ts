import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../column-types.ts';

/**
 * New remote records an integration would import, kept while *Automatically import new records*
 * is off, until someone imports or dismisses them (one row per remote record).
 */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('import_candidates')
    .addColumn('integration_id', t.id, (c) => c.notNull())
    .addColumn('remote_id', t.text, (c) => c.notNull())
    .addColumn('remote_type', t.text, (c) => c.notNull())
    .addColumn('formatted_id', t.text, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('url', t.text)
    /** What it would become: `feature` or `requirement`, and under which roadmap record. */
    .addColumn('record_kind', t.text, (c) => c.notNull())
    .addColumn('parent_label', t.text)
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('first_seen_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('import_candidates_pk', ['integration_id', 'remote_id'])
    .execute();
  await db.schema
    .createIndex('import_candidates_open_idx')
    .on('import_candidates')
    .columns(['integration_id', 'status', 'first_seen_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_candidates').execute();
}
