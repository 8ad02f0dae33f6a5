import { type Kysely, sql } from 'kysely';
import type { ColumnTypes } from '../column-types.ts';

/**
 * Integrations and their templates, the integration log, and received webhook deliveries.
 * Secrets (tokens, API keys, client certificates) are stored encrypted in `secrets`.
 */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  const isPostgres = t.timestamp === 'timestamptz';

  await db.schema
    .createTable('integration_templates')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('system', t.text, (c) => c.notNull())
    .addColumn('config', t.json, (c) => c.notNull())
    .addColumn('secrets', t.text)
    .addColumn('created_in_workspace_id', t.id, (c) =>
      c.references('workspaces.id').onDelete('set null'),
    )
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('integrations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('workspace_id', t.id, (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('system', t.text, (c) => c.notNull().check(sql`system in ('rally', 'azure_devops')`))
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('template_id', t.id, (c) =>
      c.references('integration_templates.id').onDelete('set null'),
    )
    .addColumn('state', t.text, (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`state in ('draft', 'enabled', 'disabled', 'needs_reauthorization', 'failing')`),
    )
    .addColumn('wizard_step', t.text, (c) => c.notNull().defaultTo('name'))
    .addColumn('config', t.json, (c) => c.notNull())
    .addColumn('secrets', t.text)
    .addColumn('webhook', t.json)
    .addColumn('poll_cursor', t.text)
    .addColumn('account_locked_at', t.timestamp)
    .addColumn('last_sync_at', t.timestamp)
    .addColumn('last_error', t.text)
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('integrations_workspace_idx')
    .on('integrations')
    .column('workspace_id')
    .execute();
  await db.schema
    .createIndex('integrations_template_idx')
    .on('integrations')
    .column('template_id')
    .execute();

  await db.schema
    .createTable('integration_log')
    .addColumn('id', isPostgres ? 'bigint' : 'integer', (c) =>
      isPostgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('integration_id', t.id, (c) => c.notNull())
    .addColumn('workspace_id', t.id, (c) => c.notNull())
    .addColumn('record_type', t.text)
    .addColumn('record_id', t.id)
    .addColumn('level', t.text, (c) =>
      c.notNull().check(sql`level in ('debug', 'info', 'warn', 'error')`),
    )
    .addColumn('event', t.text, (c) => c.notNull())
    .addColumn('message', t.text, (c) => c.notNull())
    .addColumn('data', t.json)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('integration_log_integration_idx')
    .on('integration_log')
    .columns(['integration_id', 'id'])
    .execute();
  await db.schema
    .createIndex('integration_log_record_idx')
    .on('integration_log')
    .columns(['record_type', 'record_id', 'id'])
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('integration_id', t.id, (c) => c.notNull())
    .addColumn('change_id', t.text, (c) => c.notNull())
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_deliveries_pk', ['integration_id', 'change_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'webhook_deliveries',
    'integration_log',
    'integrations',
    'integration_templates',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
