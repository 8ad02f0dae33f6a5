import type { Kysely, Transaction } from 'kysely';
import { readBoolean } from '../column-types.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A record a send plan names, as people know it; a feature also says where it is planned. */
export interface PlanRecord {
  name: string;
  /** A feature's release, when it has one. */
  release: { id: string; name: string; parkingLot: boolean } | null;
}

/**
 * Names of the records a send plan touches, and each feature's release (a feature in a parking
 * lot goes without one): one query per record kind, only this workspace's records.
 */
export function planRecordsRepository(db: Db) {
  return {
    async describe(
      workspaceId: string,
      refs: readonly { kind: string; id: string }[],
    ): Promise<Map<string, PlanRecord>> {
      const found = new Map<string, PlanRecord>();
      const idsOf = (kind: string) => [
        ...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id)),
      ];
      for (const table of ['releases', 'initiatives', 'requirements'] as const) {
        const ids = idsOf(table.slice(0, -1));
        if (ids.length === 0) continue;
        const rows = await db
          .selectFrom(table)
          .select(['id', 'name'])
          .where('id', 'in', ids)
          .where('workspace_id', '=', workspaceId)
          .execute();
        for (const r of rows) found.set(r.id, { name: r.name, release: null });
      }
      const featureIds = idsOf('feature');
      if (featureIds.length > 0) {
        const rows = await db
          .selectFrom('features')
          .leftJoin('releases', 'releases.id', 'features.release_id')
          .select([
            'features.id as id',
            'features.name as name',
            'releases.id as release_id',
            'releases.name as release_name',
            'releases.parking_lot as parking_lot',
          ])
          .where('features.id', 'in', featureIds)
          .where('features.workspace_id', '=', workspaceId)
          .execute();
        for (const r of rows)
          found.set(r.id, {
            name: r.name,
            release:
              r.release_id === null
                ? null
                : {
                    id: r.release_id,
                    name: r.release_name ?? '',
                    parkingLot: readBoolean(r.parking_lot),
                  },
          });
      }
      return found;
    },
  };
}
