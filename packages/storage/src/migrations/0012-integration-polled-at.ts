import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../column-types.ts';

/** When Tandem last asked the remote what changed (polling), shown on the integration's page. */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema.alterTable('integrations').addColumn('polled_at', t.timestamp).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('integrations').dropColumn('polled_at').execute();
}
