import type { Kysely, Transaction } from 'kysely';
import { readJson } from '../column-types.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** How one record stands with one integration, as a board card shows it. */
export interface RecordSyncOverview {
  recordId: string;
  integrationId: string;
  /** The sync state's name: `linked`, `failed`, `conflict`, `link_broken`, … */
  state: string;
  formattedId: string | null;
  url: string | null;
  /** A change waiting for the pause after text edits: not sent before this instant. */
  dueAt: string | null;
  /** Why a link broke: `deleted_remotely` or `moved_out_of_scope`. */
  brokenReason: string | null;
  /** The last sync failure's words. */
  error: string | null;
}

const text = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const parsed = readJson<unknown>(value);
  return typeof parsed === 'string' ? parsed : null;
};

/**
 * Reads for the board: every record of one kind in a workspace that an integration of the
 * workspace knows, with its state, remote reference and link, in one query (a board load asks
 * once, not once per card).
 */
export function recordSyncOverviewRepository(db: Db) {
  return {
    async forWorkspace(workspaceId: string, recordType: string): Promise<RecordSyncOverview[]> {
      const rows = await db
        .selectFrom('record_syncs as rs')
        .innerJoin('integrations as i', 'i.id', 'rs.integration_id')
        .leftJoin('integration_fields as fid', (join) =>
          join
            .onRef('fid.integration_id', '=', 'rs.integration_id')
            .onRef('fid.record_id', '=', 'rs.record_id')
            .on('fid.key', '=', 'formattedId'),
        )
        .leftJoin('integration_fields as furl', (join) =>
          join
            .onRef('furl.integration_id', '=', 'rs.integration_id')
            .onRef('furl.record_id', '=', 'rs.record_id')
            .on('furl.key', '=', 'url'),
        )
        .select([
          'rs.record_id as record_id',
          'rs.integration_id as integration_id',
          'rs.state_name as state_name',
          'rs.state as state',
          'fid.value as formatted_id',
          'furl.value as url',
        ])
        .where('i.workspace_id', '=', workspaceId)
        .where('i.state', '!=', 'draft')
        .where('rs.record_type', '=', recordType)
        .execute();
      return rows.map((r) => {
        const state = readJson<{
          debounce?: { dueAt?: string } | null;
          reason?: string;
          error?: string;
        }>(r.state);
        return {
          recordId: r.record_id,
          integrationId: r.integration_id,
          state: r.state_name,
          formattedId: text(r.formatted_id),
          url: text(r.url),
          dueAt: state.debounce?.dueAt ?? null,
          brokenReason: r.state_name === 'link_broken' ? (state.reason ?? null) : null,
          error: r.state_name === 'failed' ? (state.error ?? null) : null,
        };
      });
    },
  };
}
