import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../column-types.ts';

/**
 * Rate-limit buckets held in the database, so every BFF process on one PostgreSQL counts the
 * same attempts: one row per key and fixed window, bumped by one atomic upsert per hit.
 * Sessions also remember when they were last used, for the idle timeout.
 */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('bucket_key', t.text, (c) => c.notNull())
    .addColumn('window_start', t.timestamp, (c) => c.notNull())
    .addColumn('count', t.integer, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limits_pk', ['bucket_key', 'window_start'])
    .execute();
  await db.schema
    .createIndex('rate_limits_expires_idx')
    .on('rate_limits')
    .column('expires_at')
    .execute();
  await db.schema.alterTable('sessions').addColumn('last_seen_at', t.timestamp).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
  await db.schema.dropTable('rate_limits').execute();
}
