import type { Initiative } from '@tandem/contracts';
import type { InitiativeRow } from '../events/rows.ts';
import type { Reader } from '../store.ts';

export const toInitiative = (r: InitiativeRow): Initiative => ({
  id: r.id,
  workspaceId: r.workspace_id,
  referenceNum: r.reference_num,
  name: r.name,
  descriptionHtml: r.description_html,
  statusId: r.status_id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Initiatives of the given workspaces, by workspace then reference order of creation. */
export async function listInitiatives(db: Reader, workspaceIds: string[]): Promise<Initiative[]> {
  if (workspaceIds.length === 0) return [];
  const rows = await db
    .selectFrom('initiatives')
    .selectAll()
    .where('workspace_id', 'in', workspaceIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toInitiative);
}

export async function findInitiative(db: Reader, id: string): Promise<InitiativeRow | undefined> {
  return db.selectFrom('initiatives').selectAll().where('id', '=', id).executeTakeFirst();
}
