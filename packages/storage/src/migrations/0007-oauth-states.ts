import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../column-types.ts';

/**
 * OAuth authorizations in flight: the `state` sent to the authorization server, the PKCE verifier
 * (sealed), who started it and for which integration. Single use, minutes long.
 */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('oauth_states')
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
  await db.schema
    .createIndex('oauth_states_expires_idx')
    .on('oauth_states')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('oauth_states').execute();
}
