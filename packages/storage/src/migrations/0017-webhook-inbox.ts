import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../column-types.ts';

/**
 * Webhook deliveries are acknowledged once queued here and applied from the queue in batches
 * (decision 028): a row per verified, deduplicated change not recognised as Tandem's own echo.
 * `record_key` groups the changes of one remote record so a burst is applied once.
 */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  const isPostgres = t.timestamp === 'timestamptz';
  await db.schema
    .createTable('webhook_inbox')
    .addColumn('id', isPostgres ? 'bigint' : 'integer', (c) =>
      isPostgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('integration_id', t.id, (c) => c.notNull())
    .addColumn('record_key', t.text, (c) => c.notNull())
    .addColumn('change', t.json, (c) => c.notNull())
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('attempts', t.integer, (c) => c.notNull().defaultTo(0))
    /** Not taken before this instant (a failed application waits before it is tried again). */
    .addColumn('not_before', t.timestamp, (c) => c.notNull())
    /** Taken by an applier until this instant (another process may take it after). */
    .addColumn('leased_until', t.timestamp)
    .addColumn('lease', t.text)
    .execute();
  await db.schema
    .createIndex('webhook_inbox_due_idx')
    .on('webhook_inbox')
    .columns(['not_before', 'id'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_received_idx')
    .on('webhook_deliveries')
    .column('received_at')
    .execute();
  await db.schema
    .createIndex('integration_log_created_idx')
    .on('integration_log')
    .column('created_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('integration_log_created_idx').execute();
  await db.schema.dropIndex('webhook_deliveries_received_idx').execute();
  await db.schema.dropTable('webhook_inbox').execute();
}
