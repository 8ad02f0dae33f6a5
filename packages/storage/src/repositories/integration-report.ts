import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type ReportedIntegration = {
  id: string;
  workspace: { id: string; key: string; name: string };
};

/** The figures the manage-integrations report shows per integration. */
export type IntegrationCounts = {
  /** Records linked to a remote record. */
  linked: Map<string, number>;
  /** Records whose last sync failed. */
  failed: Map<string, number>;
};

const toMap = (rows: { integration_id: string; n: number | string | bigint }[]) =>
  new Map(rows.map((r) => [r.integration_id, Number(r.n)]));

/** Reads for the manage-integrations report: which integrations, and how their records fare. */
export function integrationReportRepository(db: Db) {
  return {
    /** Every integration of these workspaces, with its workspace, by workspace name then age. */
    async inWorkspaces(workspaceIds: readonly string[]): Promise<ReportedIntegration[]> {
      if (workspaceIds.length === 0) return [];
      const rows = await db
        .selectFrom('integrations')
        .innerJoin('workspaces', 'workspaces.id', 'integrations.workspace_id')
        .select([
          'integrations.id as id',
          'workspaces.id as workspace_id',
          'workspaces.key as workspace_key',
          'workspaces.name as workspace_name',
        ])
        .where('integrations.workspace_id', 'in', [...workspaceIds])
        .orderBy('workspaces.name')
        .orderBy('integrations.created_at')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        workspace: { id: r.workspace_id, key: r.workspace_key, name: r.workspace_name },
      }));
    },

    async counts(integrationIds: readonly string[]): Promise<IntegrationCounts> {
      if (integrationIds.length === 0) return { linked: new Map(), failed: new Map() };
      const ids = [...integrationIds];
      const linked = await db
        .selectFrom('integration_fields')
        .select(['integration_id', (eb) => eb.fn.count<number | string>('record_id').as('n')])
        .where('integration_id', 'in', ids)
        .where('key', '=', 'remoteId')
        .groupBy('integration_id')
        .execute();
      const failed = await db
        .selectFrom('record_syncs')
        .select(['integration_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('integration_id', 'in', ids)
        .where('state_name', '=', 'failed')
        .groupBy('integration_id')
        .execute();
      return { linked: toMap(linked), failed: toMap(failed) };
    },
  };
}
