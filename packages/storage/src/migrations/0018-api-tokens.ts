import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../column-types.ts';

/**
 * Public API tokens (issue 22): personal or integration tokens scoped to one workspace, `read` or
 * `write`. Only a SHA-256 of the token is stored (tokens are 32 random bytes, so a fast hash is
 * enough); `prefix` is what the UI shows to tell tokens apart; `revoked_at` refuses it at once.
 */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('workspace_id', t.id, (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('scope', t.text, (c) => c.notNull())
    .addColumn('integration_id', t.id)
    .addColumn('token_hash', t.text, (c) => c.notNull().unique())
    .addColumn('prefix', t.text, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('api_tokens_workspace_idx')
    .on('api_tokens')
    .column('workspace_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('api_tokens').execute();
}
