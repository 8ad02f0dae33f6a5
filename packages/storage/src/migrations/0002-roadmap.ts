import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { ColumnTypes } from '../column-types.ts';

/** Columns every versioned roadmap record carries: optimistic-concurrency version and audit. */
function audited<N extends string, C extends string>(
  table: CreateTableBuilder<N, C>,
  t: ColumnTypes,
) {
  return table
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull());
}

function inWorkspace<N extends string>(table: CreateTableBuilder<N, never>, t: ColumnTypes) {
  return table
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('workspace_id', t.id, (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    );
}

const RECORD_TYPES = sql`('release', 'initiative', 'feature', 'requirement')`;

async function workflows(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await inWorkspace(db.schema.createTable('workflows'), t)
    .addColumn('record_type', t.text, (c) => c.notNull().check(sql`record_type in ${RECORD_TYPES}`))
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('workflows_workspace_type_uq', ['workspace_id', 'record_type'])
    .execute();

  await inWorkspace(db.schema.createTable('workflow_statuses'), t)
    .addColumn('workflow_id', t.id, (c) =>
      c.notNull().references('workflows.id').onDelete('cascade'),
    )
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('category', t.text, (c) =>
      c.notNull().check(sql`category in ('not_started', 'in_progress', 'done', 'wont_do')`),
    )
    .addColumn('color', t.text, (c) => c.notNull())
    .addColumn('position', t.integer, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workflow_statuses_workflow_idx')
    .on('workflow_statuses')
    .columns(['workflow_id', 'position'])
    .execute();

  // Reference numbers (APP-12, APP-R-3, APP-12-1) come from one counter row per scope.
  await db.schema
    .createTable('reference_counters')
    .addColumn('scope', t.text, (c) => c.primaryKey())
    .addColumn('last_value', t.integer, (c) => c.notNull())
    .execute();
}

async function records(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  const status = (c: ColumnDefinitionBuilder) => c.notNull().references('workflow_statuses.id');

  await audited(
    inWorkspace(db.schema.createTable('releases'), t)
      .addColumn('reference_num', t.text, (c) => c.notNull().unique())
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('start_date', t.text)
      .addColumn('release_date', t.text)
      .addColumn('status_id', t.id, status)
      .addColumn('parking_lot', t.boolean, (c) => c.notNull().defaultTo(false))
      .addColumn('position', t.real, (c) => c.notNull()),
    t,
  ).execute();
  await db.schema
    .createIndex('releases_order_idx')
    .on('releases')
    .columns(['workspace_id', 'parking_lot', 'release_date', 'position'])
    .execute();

  await audited(
    inWorkspace(db.schema.createTable('initiatives'), t)
      .addColumn('reference_num', t.text, (c) => c.notNull().unique())
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('description_html', t.text, (c) => c.notNull())
      .addColumn('status_id', t.id, status),
    t,
  ).execute();
  await db.schema
    .createIndex('initiatives_workspace_idx')
    .on('initiatives')
    .column('workspace_id')
    .execute();

  await audited(
    inWorkspace(db.schema.createTable('features'), t)
      .addColumn('reference_num', t.text, (c) => c.notNull().unique())
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('description_html', t.text, (c) => c.notNull())
      .addColumn('status_id', t.id, status)
      .addColumn('release_id', t.id, (c) => c.notNull().references('releases.id'))
      .addColumn('initiative_id', t.id, (c) => c.references('initiatives.id').onDelete('set null'))
      .addColumn('assignee_id', t.id, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('tags', t.json, (c) => c.notNull())
      .addColumn('score', t.real)
      .addColumn('custom_fields', t.json, (c) => c.notNull())
      .addColumn('rank', t.real, (c) => c.notNull()),
    t,
  ).execute();
  // The board reads features by rank, optionally within one status or one release column.
  for (const [name, columns] of [
    ['features_rank_idx', ['workspace_id', 'rank', 'id']],
    ['features_status_idx', ['workspace_id', 'status_id', 'rank']],
    ['features_release_idx', ['release_id', 'rank']],
    ['features_initiative_idx', ['initiative_id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('features')
      .columns([...columns])
      .execute();
  }

  await audited(
    inWorkspace(db.schema.createTable('requirements'), t)
      .addColumn('feature_id', t.id, (c) =>
        c.notNull().references('features.id').onDelete('cascade'),
      )
      .addColumn('reference_num', t.text, (c) => c.notNull().unique())
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('description_html', t.text, (c) => c.notNull())
      .addColumn('status_id', t.id, status)
      .addColumn('assignee_id', t.id, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('custom_fields', t.json, (c) => c.notNull())
      .addColumn('rank', t.real, (c) => c.notNull()),
    t,
  ).execute();
  await db.schema
    .createIndex('requirements_feature_idx')
    .on('requirements')
    .columns(['feature_id', 'rank'])
    .execute();
}

async function extras(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await inWorkspace(db.schema.createTable('attachments'), t)
    .addColumn('record_type', t.text, (c) => c.notNull().check(sql`record_type in ${RECORD_TYPES}`))
    .addColumn('record_id', t.id, (c) => c.notNull())
    .addColumn('file_name', t.text, (c) => c.notNull())
    .addColumn('content_type', t.text, (c) => c.notNull())
    .addColumn('size', t.integer, (c) => c.notNull())
    .addColumn('content', t.blob, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachments_record_idx')
    .on('attachments')
    .columns(['record_type', 'record_id'])
    .execute();

  await inWorkspace(db.schema.createTable('custom_field_definitions'), t)
    .addColumn('record_type', t.text, (c) => c.notNull().check(sql`record_type in ${RECORD_TYPES}`))
    .addColumn('key', t.text, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('type', t.text, (c) =>
      c.notNull().check(sql`type in ('text', 'number', 'date', 'select')`),
    )
    .addColumn('options', t.json, (c) => c.notNull())
    .addColumn('required', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('position', t.integer, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('custom_fields_key_uq', ['workspace_id', 'record_type', 'key'])
    .execute();

  // integration_id has no foreign key yet: the integrations table arrives with the sync engine.
  await inWorkspace(db.schema.createTable('integration_fields'), t)
    .addColumn('integration_id', t.text, (c) => c.notNull())
    .addColumn('record_type', t.text, (c) => c.notNull().check(sql`record_type in ${RECORD_TYPES}`))
    .addColumn('record_id', t.id, (c) => c.notNull())
    .addColumn('key', t.text, (c) => c.notNull())
    // JSON as text on both dialects: a jsonb string scalar would read back ambiguously.
    .addColumn('value', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('integration_fields_uq', [
      'integration_id',
      'record_type',
      'record_id',
      'key',
    ])
    .execute();
  await db.schema
    .createIndex('integration_fields_record_idx')
    .on('integration_fields')
    .columns(['record_type', 'record_id'])
    .execute();
}

/** The outbox: one row per change, in commit order, read by the sync engine and live updates. */
async function events(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  const isPostgres = t.timestamp === 'timestamptz';
  await db.schema
    .createTable('record_events')
    .addColumn('seq', isPostgres ? 'bigint' : 'integer', (c) =>
      isPostgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('workspace_id', t.id, (c) => c.notNull())
    .addColumn('record_type', t.text, (c) => c.notNull())
    .addColumn('record_id', t.id, (c) => c.notNull())
    .addColumn('action', t.text, (c) =>
      c.notNull().check(sql`action in ('create', 'update', 'delete')`),
    )
    .addColumn('changes', t.json, (c) => c.notNull())
    .addColumn('record_version', t.integer)
    .addColumn('actor_id', t.id)
    .addColumn('origin', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('record_events_workspace_idx')
    .on('record_events')
    .columns(['workspace_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('record_events_record_idx')
    .on('record_events')
    .columns(['record_type', 'record_id', 'seq'])
    .execute();
}

/** Workflows, releases, initiatives, features, requirements, attachments, fields, the outbox. */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await workflows(db, t);
  await records(db, t);
  await extras(db, t);
  await events(db, t);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'record_events',
    'integration_fields',
    'custom_field_definitions',
    'attachments',
    'requirements',
    'features',
    'initiatives',
    'releases',
    'reference_counters',
    'workflow_statuses',
    'workflows',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
