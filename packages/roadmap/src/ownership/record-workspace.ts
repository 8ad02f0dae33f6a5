import type { Reader } from '../store.ts';

/** The records an integration syncs, by kind (the tables hold `workspace_id` each). */
export type OwnedRecordKind = 'release' | 'initiative' | 'feature' | 'requirement';
export type OwnedRecordRef = { readonly kind: OwnedRecordKind; readonly id: string };

const TABLE = {
  release: 'releases',
  initiative: 'initiatives',
  feature: 'features',
  requirement: 'requirements',
} as const;

/** The workspace a record belongs to, or null when there is no such record. */
export async function workspaceOfRecord(db: Reader, ref: OwnedRecordRef): Promise<string | null> {
  const row = await db
    .selectFrom(TABLE[ref.kind])
    .select('workspace_id')
    .where('id', '=', ref.id)
    .executeTakeFirst();
  return row?.workspace_id ?? null;
}

/**
 * The records among `refs` that do not belong to `workspaceId` (another workspace's, or none at
 * all). Every path that acts on a record for an integration asks this first.
 */
export async function recordsOutsideWorkspace(
  db: Reader,
  workspaceId: string,
  refs: readonly OwnedRecordRef[],
): Promise<OwnedRecordRef[]> {
  const outside: OwnedRecordRef[] = [];
  for (const kind of Object.keys(TABLE) as OwnedRecordKind[]) {
    const ids = [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
    if (ids.length === 0) continue;
    const inside = new Set(
      (
        await db
          .selectFrom(TABLE[kind])
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', ids)
          .execute()
      ).map((r) => r.id),
    );
    for (const id of ids) if (!inside.has(id)) outside.push({ kind, id });
  }
  return outside;
}
