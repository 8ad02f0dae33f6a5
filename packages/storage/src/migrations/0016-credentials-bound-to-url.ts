import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../column-types.ts';
import { readJson } from '../column-types.ts';

/**
 * Stored credentials are bound to the account URL they were granted for (decision 021):
 * `credentials_account_url` on integrations and templates names it; secrets are used only while
 * the account URL is still that one. Existing secrets are bound to the URL they are used with
 * today (an integration's own, else its template's).
 *
 * Templates belong to one workspace and are shared with others explicitly
 * (`integration_template_shares`). A template without a workspace goes to the workspace of its
 * first integration; another workspace already using a template keeps it only when one of its
 * owners also owns the template's workspace (that owner could have shared it).
 */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema.alterTable('integrations').addColumn('credentials_account_url', t.text).execute();
  await db.schema
    .alterTable('integration_templates')
    .addColumn('credentials_account_url', t.text)
    .execute();
  await db.schema
    .createTable('integration_template_shares')
    .addColumn('template_id', t.id, (c) =>
      c.notNull().references('integration_templates.id').onDelete('cascade'),
    )
    .addColumn('workspace_id', t.id, (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('shared_by', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('shared_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('integration_template_shares_pk', ['template_id', 'workspace_id'])
    .execute();
  await db.schema
    .createIndex('integration_template_shares_workspace_idx')
    .on('integration_template_shares')
    .column('workspace_id')
    .execute();

  // The migration reads and writes through an untyped handle: the tables as they are here.
  const raw = db as unknown as Kysely<Legacy>;
  const templates = await raw
    .selectFrom('integration_templates')
    .select(['id', 'config', 'secrets', 'created_in_workspace_id'])
    .execute();
  const integrations = await raw
    .selectFrom('integrations')
    .select(['id', 'workspace_id', 'template_id', 'config', 'secrets', 'created_at'])
    .orderBy('created_at')
    .execute();
  const templateUrl = new Map<string, string | null>();
  for (const tpl of templates) {
    const url = originOf(readJson<{ accountUrl?: unknown }>(tpl.config)?.accountUrl);
    templateUrl.set(tpl.id, url);
    if (tpl.secrets !== null && url) {
      await raw
        .updateTable('integration_templates')
        .set({ credentials_account_url: url })
        .where('id', '=', tpl.id)
        .execute();
    }
  }
  for (const row of integrations) {
    if (row.secrets === null) continue;
    const own = originOf(readJson<{ accountUrl?: unknown }>(row.config)?.accountUrl);
    const url = own ?? (row.template_id ? (templateUrl.get(row.template_id) ?? null) : null);
    if (!url) continue;
    await raw
      .updateTable('integrations')
      .set({ credentials_account_url: url })
      .where('id', '=', row.id)
      .execute();
  }

  const ownerOf = new Map(templates.map((tpl) => [tpl.id, tpl.created_in_workspace_id]));
  for (const row of integrations) {
    if (!row.template_id || ownerOf.get(row.template_id) !== null) continue;
    ownerOf.set(row.template_id, row.workspace_id);
    await raw
      .updateTable('integration_templates')
      .set({ created_in_workspace_id: row.workspace_id })
      .where('id', '=', row.template_id)
      .execute();
  }
  const owners = await raw
    .selectFrom('memberships')
    .select(['workspace_id', 'user_id'])
    .where('role', '=', 'owner')
    .execute();
  const ownersOf = (workspaceId: string) =>
    new Set(owners.filter((m) => m.workspace_id === workspaceId).map((m) => m.user_id));
  const shared = new Set<string>();
  const now = new Date().toISOString();
  for (const row of integrations) {
    const home = row.template_id ? ownerOf.get(row.template_id) : null;
    if (!row.template_id || !home || home === row.workspace_id) continue;
    const key = `${row.template_id} ${row.workspace_id}`;
    if (shared.has(key)) continue;
    const homeOwners = ownersOf(home);
    const common = [...ownersOf(row.workspace_id)].find((u) => homeOwners.has(u));
    if (!common) continue;
    shared.add(key);
    await raw
      .insertInto('integration_template_shares')
      .values({
        template_id: row.template_id,
        workspace_id: row.workspace_id,
        shared_by: common,
        shared_at: now,
      })
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('integration_template_shares').execute();
  await db.schema
    .alterTable('integration_templates')
    .dropColumn('credentials_account_url')
    .execute();
  await db.schema.alterTable('integrations').dropColumn('credentials_account_url').execute();
}

/** The account URL as the wizard stores it (scheme, host, port), or null when unusable. */
function originOf(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

type Legacy = {
  integration_templates: {
    id: string;
    config: unknown;
    secrets: string | null;
    created_in_workspace_id: string | null;
    credentials_account_url: string | null;
  };
  integrations: {
    id: string;
    workspace_id: string;
    template_id: string | null;
    config: unknown;
    secrets: string | null;
    created_at: string;
    credentials_account_url: string | null;
  };
  memberships: { workspace_id: string; user_id: string; role: string };
  integration_template_shares: {
    template_id: string;
    workspace_id: string;
    shared_by: string | null;
    shared_at: string;
  };
};
