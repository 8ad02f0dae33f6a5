import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { readJson } from '../column-types.ts';
import type { Database } from '../schema.ts';
import type {
  IntegrationState,
  IntegrationSystem,
  IntegrationsTable,
} from '../tables/integrations.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type IntegrationRow = {
  id: string;
  workspaceId: string;
  system: IntegrationSystem;
  name: string;
  templateId: string | null;
  state: IntegrationState;
  wizardStep: string;
  config: Record<string, unknown>;
  /** Sealed JSON; open with the SecretBox and the integration id. */
  sealedSecrets: string | null;
  /** The account URL its own secrets were stored for (see decision 021). */
  credentialsAccountUrl: string | null;
  webhook: Record<string, unknown> | null;
  pollCursor: string | null;
  /** When the remote was last asked what changed (polling). */
  polledAt: string | null;
  accountLockedAt: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

const toRow = (r: Selectable<IntegrationsTable>): IntegrationRow => ({
  id: r.id,
  workspaceId: r.workspace_id,
  system: r.system,
  name: r.name,
  templateId: r.template_id,
  state: r.state,
  wizardStep: r.wizard_step,
  config: readJson<Record<string, unknown>>(r.config) ?? {},
  sealedSecrets: r.secrets,
  credentialsAccountUrl: r.credentials_account_url ?? null,
  webhook: r.webhook === null ? null : readJson<Record<string, unknown>>(r.webhook),
  pollCursor: r.poll_cursor,
  polledAt: r.polled_at ?? null,
  accountLockedAt: r.account_locked_at,
  lastSyncAt: r.last_sync_at,
  lastError: r.last_error,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type IntegrationPatch = Partial<{
  name: string;
  templateId: string | null;
  state: IntegrationState;
  wizardStep: string;
  config: Record<string, unknown>;
  sealedSecrets: string | null;
  credentialsAccountUrl: string | null;
  webhook: Record<string, unknown> | null;
  pollCursor: string | null;
  accountLockedAt: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
}>;

export function integrationsRepository(db: Db) {
  return {
    async create(
      input: {
        workspaceId: string;
        system: IntegrationSystem;
        name: string;
        templateId: string | null;
        config: Record<string, unknown>;
      },
      now = new Date().toISOString(),
    ): Promise<IntegrationRow> {
      const row = await db
        .insertInto('integrations')
        .values({
          id: randomUUID(),
          workspace_id: input.workspaceId,
          system: input.system,
          name: input.name,
          template_id: input.templateId,
          config: JSON.stringify(input.config),
          secrets: null,
          webhook: null,
          poll_cursor: null,
          account_locked_at: null,
          last_sync_at: null,
          last_error: null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRow(row);
    },

    /**
     * Stores where polling got to, if no one else stored a newer cursor meanwhile (another
     * process polling the same integration). Not an edit of the integration: no new version,
     * so a form open on it stays valid.
     */
    async savePollCursor(
      id: string,
      previous: string | null,
      next: string,
      at: string,
    ): Promise<boolean> {
      const result = await db
        .updateTable('integrations')
        .set({ poll_cursor: next, polled_at: at })
        .where('id', '=', id)
        .where((eb) =>
          previous === null ? eb('poll_cursor', 'is', null) : eb('poll_cursor', '=', previous),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async find(id: string): Promise<IntegrationRow | undefined> {
      const row = await db
        .selectFrom('integrations')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toRow(row);
    },

    async listForWorkspace(workspaceId: string): Promise<IntegrationRow[]> {
      const rows = await db
        .selectFrom('integrations')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .execute();
      return rows.map(toRow);
    },

    async listAll(): Promise<IntegrationRow[]> {
      return (await db.selectFrom('integrations').selectAll().orderBy('created_at').execute()).map(
        toRow,
      );
    },

    async listByTemplate(templateId: string): Promise<IntegrationRow[]> {
      const rows = await db
        .selectFrom('integrations')
        .selectAll()
        .where('template_id', '=', templateId)
        .execute();
      return rows.map(toRow);
    },

    /**
     * Applies a patch when `expectedVersion` matches (or is omitted); returns undefined on a
     * stale version so the caller can answer 409 with the current row.
     */
    async update(
      id: string,
      patch: IntegrationPatch,
      expectedVersion?: number,
      now = new Date().toISOString(),
    ) {
      const set: Record<string, unknown> = { updated_at: now };
      const columns: Record<keyof IntegrationPatch, string> = {
        name: 'name',
        templateId: 'template_id',
        state: 'state',
        wizardStep: 'wizard_step',
        config: 'config',
        sealedSecrets: 'secrets',
        credentialsAccountUrl: 'credentials_account_url',
        webhook: 'webhook',
        pollCursor: 'poll_cursor',
        accountLockedAt: 'account_locked_at',
        lastSyncAt: 'last_sync_at',
        lastError: 'last_error',
      };
      for (const [key, column] of Object.entries(columns)) {
        const value = patch[key as keyof IntegrationPatch];
        if (value === undefined) continue;
        set[column] =
          (key === 'config' || key === 'webhook') && value !== null ? JSON.stringify(value) : value;
      }
      let query = db
        .updateTable('integrations')
        .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
        .where('id', '=', id);
      if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
      const row = await query.returningAll().executeTakeFirst();
      return row && toRow(row);
    },

    /**
     * Stores secrets only while they are still bound to `accountUrl` (a refreshed grant must not
     * come back after a change of account URL dropped the credentials); false when not.
     */
    async updateSecretsBoundTo(
      id: string,
      sealedSecrets: string,
      accountUrl: string,
      now = new Date().toISOString(),
    ): Promise<boolean> {
      const result = await db
        .updateTable('integrations')
        .set((eb) => ({ secrets: sealedSecrets, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('credentials_account_url', '=', accountUrl)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async delete(id: string): Promise<void> {
      await db.deleteFrom('integrations').where('id', '=', id).execute();
    },
  };
}
