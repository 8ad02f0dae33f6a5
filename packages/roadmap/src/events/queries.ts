import { readJson } from '@tandem/storage';
import type { Reader } from '../store.ts';
import type { Changes } from './changes.ts';

export type RecordEvent = {
  seq: number;
  workspaceId: string;
  recordType: string;
  recordId: string;
  action: 'create' | 'update' | 'delete';
  changes: Changes;
  recordVersion: number | null;
  /** The record this one belongs to (a requirement's or attachment's feature), if any. */
  parent: { type: string; id: string } | null;
  actorId: string | null;
  origin: string;
  createdAt: string;
};

/** Events in commit order after `afterSeq`, optionally for one workspace or one record. */
export async function listEvents(
  db: Reader,
  filter: {
    afterSeq?: number;
    workspaceId?: string;
    recordId?: string;
    parentId?: string;
    limit?: number;
  } = {},
): Promise<RecordEvent[]> {
  let query = db
    .selectFrom('record_events')
    .selectAll()
    .where('seq', '>', filter.afterSeq ?? 0)
    .orderBy('seq')
    .limit(filter.limit ?? 1000);
  if (filter.workspaceId) query = query.where('workspace_id', '=', filter.workspaceId);
  if (filter.recordId) query = query.where('record_id', '=', filter.recordId);
  if (filter.parentId) query = query.where('parent_id', '=', filter.parentId);
  const rows = await query.execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    workspaceId: r.workspace_id,
    recordType: r.record_type,
    recordId: r.record_id,
    action: r.action,
    changes: readJson<Changes>(r.changes),
    recordVersion: r.record_version,
    parent: r.parent_type && r.parent_id ? { type: r.parent_type, id: r.parent_id } : null,
    actorId: r.actor_id,
    origin: r.origin,
    createdAt: r.created_at,
  }));
}

/** The highest sequence number so far (0 when there are no events). */
export async function lastEventSeq(db: Reader): Promise<number> {
  const row = await db
    .selectFrom('record_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}
