import { type Kysely, sql } from 'kysely';
import type { ColumnTypes } from '../column-types.ts';

/**
 * An OAuth authorization in flight belongs to an integration or, now, to an integration template
 * (authorized on its own): two nullable foreign keys, each cascading, and a check that exactly one
 * is set. SQLite cannot drop a NOT NULL, so the table is rebuilt the same way on both databases;
 * authorizations in flight are copied over.
 */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('oauth_states_next')
    .addColumn('state', t.text, (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('integration_id', t.id, (c) => c.references('integrations.id').onDelete('cascade'))
    .addColumn('template_id', t.id, (c) =>
      c.references('integration_templates.id').onDelete('cascade'),
    )
    .addColumn('sealed_verifier', t.text, (c) => c.notNull())
    .addColumn('redirect_uri', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint(
      'oauth_states_one_subject',
      sql`(integration_id is null) <> (template_id is null)`,
    )
    .execute();
  await sql`insert into oauth_states_next
      (state, user_id, integration_id, sealed_verifier, redirect_uri, created_at, expires_at)
    select state, user_id, integration_id, sealed_verifier, redirect_uri, created_at, expires_at
    from oauth_states`.execute(db);
  await db.schema.dropTable('oauth_states').execute();
  await db.schema.alterTable('oauth_states_next').renameTo('oauth_states').execute();
  await db.schema
    .createIndex('oauth_states_expires_idx')
    .on('oauth_states')
    .column('expires_at')
    .execute();
}

/** Back to integration-only states; a template's authorizations in flight are dropped. */
export async function down(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('oauth_states_previous')
    .addColumn('state', t.text, (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('integration_id', t.id, (c) =>
      c.notNull().references('integrations.id').onDelete('cascade'),
    )
    .addColumn('sealed_verifier', t.text, (c) => c.notNull())
    .addColumn('redirect_uri', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .execute();
  await sql`insert into oauth_states_previous
      (state, user_id, integration_id, sealed_verifier, redirect_uri, created_at, expires_at)
    select state, user_id, integration_id, sealed_verifier, redirect_uri, created_at, expires_at
    from oauth_states where integration_id is not null`.execute(db);
  await db.schema.dropTable('oauth_states').execute();
  await db.schema.alterTable('oauth_states_previous').renameTo('oauth_states').execute();
  await db.schema
    .createIndex('oauth_states_expires_idx')
    .on('oauth_states')
    .column('expires_at')
    .execute();
}
