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
  createdInWorkspaceId: r.created_in_workspace_id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type IntegrationTemplatePatch = Partial<{
  name: string;
  config: Record<string, unknown>;
  sealedSecrets: string | null;
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
      let query = db
        .updateTable('integration_templates')
        .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
        .where('id', '=', id);
      if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
      const row = await query.returningAll().executeTakeFirst();
      return row && toRow(row);
    },

    async delete(id: string): Promise<void> {
      await db.deleteFrom('integration_templates').where('id', '=', id).execute();
    },
  };
}
