import { type Kysely, sql } from 'kysely';
import type { ColumnTypes } from '../column-types.ts';

/**
 * How far each durable consumer of the `record_events` outbox has read (see decision 017). The
 * sync engine's consumer starts at the outbox's end as of this migration: history written before
 * edits were sent automatically is not replayed as fresh edits.
 */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  const isPostgres = t.timestamp === 'timestamptz';
  await db.schema
    .createTable('outbox_cursors')
    .addColumn('consumer', t.text, (c) => c.primaryKey())
    .addColumn('last_seq', isPostgres ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await sql`insert into outbox_cursors (consumer, last_seq, updated_at)
    select 'sync-engine', coalesce(max(seq), 0), ${new Date().toISOString()} from record_events`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox_cursors').execute();
}
