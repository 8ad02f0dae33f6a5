import type { Kysely } from 'kysely';
import { type ColumnTypes, readJson } from '../column-types.ts';
import type { Database } from '../schema.ts';
import { sealWebhookRegistration } from '../secrets/sealed-values.ts';
import type { MigrationContext } from './index.ts';

/**
 * Webhook secrets leave plain text: each stored registration keeps its secret sealed (and its
 * target URL without it). Sealing needs the key, so the server passes its SecretBox to
 * `migrate`; a database with such rows migrated without one stops here with a clear error.
 *
 * Refused deliveries are counted per integration and minute (`webhook_refusals`), each minute's
 * count kept in one integration-log row, whichever process refused them.
 */
export async function up(
  db: Kysely<unknown>,
  t: ColumnTypes,
  context: MigrationContext,
): Promise<void> {
  await sealPlainWebhookSecrets(db as unknown as Kysely<Database>, context);

  await db.schema
    .createTable('webhook_refusals')
    .addColumn('integration_id', t.id, (c) =>
      c.notNull().references('integrations.id').onDelete('cascade'),
    )
    .addColumn('minute', t.timestamp, (c) => c.notNull())
    .addColumn('count', t.integer, (c) => c.notNull())
    /** The integration-log row that shows this minute's count. */
    .addColumn('log_id', 'bigint')
    .addPrimaryKeyConstraint('webhook_refusals_pk', ['integration_id', 'minute'])
    .execute();
}

/** Seals each stored registration's plain-text secret (and drops it from the target URL). */
export async function sealPlainWebhookSecrets(
  db: Kysely<Database>,
  context: MigrationContext,
): Promise<void> {
  const rows = await db
    .selectFrom('integrations')
    .select(['id', 'webhook', 'updated_at'])
    .where('webhook', 'is not', null)
    .execute();
  for (const row of rows) {
    const webhook = readJson<Record<string, unknown> | null>(row.webhook);
    if (!webhook || typeof webhook.secret !== 'string') continue;
    if (!context.secrets) {
      throw new Error(
        'webhook secrets are stored in plain text and must be sealed; run the server (it passes the secret key) to migrate',
      );
    }
    const { secret, id, targetUrl, registeredAt, ...rest } = webhook;
    const sealed = sealWebhookRegistration(
      context.secrets,
      row.id,
      { ...rest, id: String(id), targetUrl: String(targetUrl), secret },
      typeof registeredAt === 'string' ? registeredAt : row.updated_at,
    );
    await db
      .updateTable('integrations')
      .set({ webhook: JSON.stringify(sealed) })
      .where('id', '=', row.id)
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_refusals').execute();
}
