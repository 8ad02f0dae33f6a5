import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { readJson } from '../column-types.ts';
import type { Database } from '../schema.ts';
import type { IntegrationSystem, IntegrationTemplatesTable } from '../tables/integrations.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type IntegrationTemplateRow = {
  id: string;
  name: string;
  system: IntegrationSystem;
  config: Record<string, unknown>;
  /** Sealed JSON; open with the SecretBox and the template id. */
  sealedSecrets: string | null;
  /** The account URL its secrets were stored for (see decision 021). */
  credentialsAccountUrl: string | null;
  /** The workspace that owns it; other workspaces use it only when it is shared with them. */
  createdInWorkspaceId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

const toRow = (r: Selectable<IntegrationTemplatesTable>): IntegrationTemplateRow => ({
  id: r.id,
  name: r.name,
  system: r.system,
  config: readJson<Record<string, unknown>>(r.config) ?? {},
  sealedSecrets: r.secrets,
  credentialsAccountUrl: r.credentials_account_url ?? null,
  createdInWorkspaceId: r.created_in_workspace_id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type IntegrationTemplatePatch = Partial<{
  name: string;
  config: Record<string, unknown>;
  sealedSecrets: string | null;
  credentialsAccountUrl: string | null;
}>;

export function integrationTemplatesRepository(db: Db) {
  return {
    async create(
      input: {
        id?: string;
        name: string;
        system: IntegrationSystem;
        config: Record<string, unknown>;
        sealedSecrets?: string | null;
        credentialsAccountUrl?: string | null;
        createdInWorkspaceId: string | null;
      },
      now = new Date().toISOString(),
    ): Promise<IntegrationTemplateRow> {
      const row = await db
        .insertInto('integration_templates')
        .values({
          id: input.id ?? randomUUID(),
          name: input.name,
          system: input.system,
          config: JSON.stringify(input.config),
          secrets: input.sealedSecrets ?? null,
          credentials_account_url: input.credentialsAccountUrl ?? null,
          created_in_workspace_id: input.createdInWorkspaceId,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRow(row);
    },

    async find(id: string): Promise<IntegrationTemplateRow | undefined> {
      const row = await db
        .selectFrom('integration_templates')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toRow(row);
    },

    async list(): Promise<IntegrationTemplateRow[]> {
      const rows = await db
        .selectFrom('integration_templates')
        .selectAll()
        .orderBy('name')
        .orderBy('created_at')
        .execute();
      return rows.map(toRow);
    },

    /** How many integrations inherit from each template. */
    async usage(): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('integrations')
        .select(['template_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('template_id', 'is not', null)
        .groupBy('template_id')
        .execute();
      return new Map(rows.map((r) => [r.template_id as string, Number(r.n)]));
    },

    /**
     * Integrations made from a template (all templates when omitted) that wait to be
     * re-authorized, with their own sealed secrets (to tell whose credentials were refused).
     */
    async waitingForReauthorization(
      templateId?: string,
    ): Promise<{ id: string; templateId: string; sealedSecrets: string | null }[]> {
      let query = db
        .selectFrom('integrations')
        .select(['id', 'template_id', 'secrets'])
        .where('state', '=', 'needs_reauthorization')
        .where('template_id', 'is not', null);
      if (templateId) query = query.where('template_id', '=', templateId);
      const rows = await query.execute();
      return rows.map((r) => ({
        id: r.id,
        templateId: r.template_id as string,
        sealedSecrets: r.secrets,
      }));
    },

    /** Applies the patch when `expectedVersion` matches (or is omitted); undefined when stale. */
    async update(
      id: string,
      patch: IntegrationTemplatePatch,
      expectedVersion?: number,
      now = new Date().toISOString(),
    ): Promise<IntegrationTemplateRow | undefined> {
      const set: Record<string, unknown> = { updated_at: now };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.config !== undefined) set.config = JSON.stringify(patch.config);
      if (patch.sealedSecrets !== undefined) set.secrets = patch.sealedSecrets;
      if (patch.credentialsAccountUrl !== undefined)
        set.credentials_account_url = patch.credentialsAccountUrl;
      let query = db
        .updateTable('integration_templates')
        .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
        .where('id', '=', id);
      if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
      const row = await query.returningAll().executeTakeFirst();
      return row && toRow(row);
    },

    /** As the integrations' `updateSecretsBoundTo`: stores secrets only while still bound there. */
    async updateSecretsBoundTo(
      id: string,
      sealedSecrets: string,
      accountUrl: string,
      now = new Date().toISOString(),
    ): Promise<boolean> {
      const result = await db
        .updateTable('integration_templates')
        .set((eb) => ({ secrets: sealedSecrets, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('credentials_account_url', '=', accountUrl)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** The workspaces a template is shared with (besides its own). */
    async sharedWith(templateId: string): Promise<{ workspaceId: string; sharedAt: string }[]> {
      const rows = await db
        .selectFrom('integration_template_shares')
        .select(['workspace_id', 'shared_at'])
        .where('template_id', '=', templateId)
        .orderBy('shared_at')
        .execute();
      return rows.map((r) => ({ workspaceId: r.workspace_id, sharedAt: r.shared_at }));
    },

    /** The ids of the templates shared with any of these workspaces. */
    async sharedInto(workspaceIds: string[]): Promise<Map<string, string[]>> {
      const out = new Map<string, string[]>();
      if (workspaceIds.length === 0) return out;
      const rows = await db
        .selectFrom('integration_template_shares')
        .select(['template_id', 'workspace_id'])
        .where('workspace_id', 'in', workspaceIds)
        .execute();
      for (const r of rows)
        out.set(r.template_id, [...(out.get(r.template_id) ?? []), r.workspace_id]);
      return out;
    },

    async isSharedWith(templateId: string, workspaceId: string): Promise<boolean> {
      const row = await db
        .selectFrom('integration_template_shares')
        .select('template_id')
        .where('template_id', '=', templateId)
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Shares a template with a workspace; sharing twice changes nothing. */
    async share(
      templateId: string,
      workspaceId: string,
      sharedBy: string,
      now = new Date().toISOString(),
    ): Promise<void> {
      await db
        .insertInto('integration_template_shares')
        .values({
          template_id: templateId,
          workspace_id: workspaceId,
          shared_by: sharedBy,
          shared_at: now,
        })
        .onConflict((oc) => oc.columns(['template_id', 'workspace_id']).doNothing())
        .execute();
    },

    async unshare(templateId: string, workspaceId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('integration_template_shares')
        .where('template_id', '=', templateId)
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async delete(id: string): Promise<void> {
      await db.deleteFrom('integration_templates').where('id', '=', id).execute();
    },
  };
}
