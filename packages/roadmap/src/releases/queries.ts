import type { Release } from '@tandem/contracts';
import { sql } from 'kysely';
import { decodeRow } from '../events/record-tables.ts';
import type { ReleaseRow } from '../events/rows.ts';
import type { Reader } from '../store.ts';

export const toRelease = (r: ReleaseRow): Release => ({
  id: r.id,
  workspaceId: r.workspace_id,
  referenceNum: r.reference_num,
  name: r.name,
  startDate: r.start_date,
  releaseDate: r.release_date,
  statusId: r.status_id,
  parkingLot: r.parking_lot,
  position: r.position,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Scheduled releases by date (undated last), then parking lots by position. */
export async function listReleases(db: Reader, workspaceId: string): Promise<Release[]> {
  const rows = await db
    .selectFrom('releases')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('parking_lot')
    .orderBy(sql`case when release_date is null then 1 else 0 end`)
    .orderBy('release_date')
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((r) => toRelease(decodeRow<ReleaseRow>('releases', r)));
}

export async function findRelease(db: Reader, id: string): Promise<ReleaseRow | undefined> {
  const row = await db.selectFrom('releases').selectAll().where('id', '=', id).executeTakeFirst();
  return row && decodeRow<ReleaseRow>('releases', row);
}
