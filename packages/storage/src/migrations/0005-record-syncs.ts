import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../column-types.ts';

/** The sync lifecycle state of one roadmap record for one integration (see sync-engine decide). */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('record_syncs')
    .addColumn('integration_id', t.id, (c) => c.notNull())
    .addColumn('record_type', t.text, (c) => c.notNull())
    .addColumn('record_id', t.id, (c) => c.notNull())
    .addColumn('state', t.json, (c) => c.notNull())
    .addColumn('state_name', t.text, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('record_syncs_pk', ['integration_id', 'record_id'])
    .execute();
  await db.schema
    .createIndex('record_syncs_state_idx')
    .on('record_syncs')
    .columns(['integration_id', 'state_name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('record_syncs').execute();
}
