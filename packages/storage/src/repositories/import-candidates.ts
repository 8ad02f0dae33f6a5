import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { ImportCandidateStatus, ImportCandidatesTable } from '../tables/integrations.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type ImportCandidate = {
  integrationId: string;
  remoteId: string;
  remoteType: string;
  formattedId: string;
  name: string;
  url: string | null;
  recordKind: string;
  parentLabel: string | null;
  status: ImportCandidateStatus;
  firstSeenAt: string;
  updatedAt: string;
};

export type NewImportCandidate = Omit<
  ImportCandidate,
  'status' | 'firstSeenAt' | 'updatedAt' | 'integrationId'
>;

const toCandidate = (r: Selectable<ImportCandidatesTable>): ImportCandidate => ({
  integrationId: r.integration_id,
  remoteId: r.remote_id,
  remoteType: r.remote_type,
  formattedId: r.formatted_id,
  name: r.name,
  url: r.url,
  recordKind: r.record_kind,
  parentLabel: r.parent_label,
  status: r.status,
  firstSeenAt: r.first_seen_at,
  updatedAt: r.updated_at,
});

export function importCandidatesRepository(db: Db) {
  return {
    /**
     * Notes a remote record as waiting for a decision, or refreshes what it would become. One
     * dismissed stays dismissed; one imported is not listed again.
     */
    async note(integrationId: string, c: NewImportCandidate, at: string): Promise<void> {
      await db
        .insertInto('import_candidates')
        .values({
          integration_id: integrationId,
          remote_id: c.remoteId,
          remote_type: c.remoteType,
          formatted_id: c.formattedId,
          name: c.name,
          url: c.url,
          record_kind: c.recordKind,
          parent_label: c.parentLabel,
          status: 'open',
          first_seen_at: at,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['integration_id', 'remote_id']).doUpdateSet({
            formatted_id: c.formattedId,
            name: c.name,
            url: c.url,
            record_kind: c.recordKind,
            parent_label: c.parentLabel,
            updated_at: at,
          }),
        )
        .execute();
    },

    async listOpen(integrationId: string): Promise<ImportCandidate[]> {
      const rows = await db
        .selectFrom('import_candidates')
        .selectAll()
        .where('integration_id', '=', integrationId)
        .where('status', '=', 'open')
        .orderBy('first_seen_at')
        .orderBy('remote_id')
        .execute();
      return rows.map(toCandidate);
    },

    async find(integrationId: string, remoteId: string): Promise<ImportCandidate | undefined> {
      const row = await db
        .selectFrom('import_candidates')
        .selectAll()
        .where('integration_id', '=', integrationId)
        .where('remote_id', '=', remoteId)
        .executeTakeFirst();
      return row && toCandidate(row);
    },

    /** Settles an open candidate; false when it was not open (someone else settled it). */
    async settle(
      integrationId: string,
      remoteId: string,
      status: Exclude<ImportCandidateStatus, 'open'>,
      at: string,
    ): Promise<boolean> {
      const result = await db
        .updateTable('import_candidates')
        .set({ status, updated_at: at })
        .where('integration_id', '=', integrationId)
        .where('remote_id', '=', remoteId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
