import type { RecordMapping } from '@tandem/contracts';
import type { Database } from '@tandem/storage';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { RecordRef, RoadmapKind } from '../../core/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A remote reference (`/release/123`) or id, as the id the links store. */
const remoteIdOf = (value: unknown): string | null => {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value === '') return null;
  return value.split('/').filter(Boolean).at(-1) ?? null;
};

/** An integration as a link lookup needs it: links count only within its own workspace. */
export type LinkOwner = { readonly id: string; readonly workspaceId: string };

/**
 * The roadmap record linked to a remote id through this integration, if any. Only a record of the
 * integration's own workspace counts: a link row pointing elsewhere is never followed.
 */
export async function linkedRecordOf(
  db: Db,
  integration: LinkOwner,
  remoteId: string,
  kind?: RoadmapKind,
): Promise<RecordRef | null> {
  let query = db
    .selectFrom('integration_fields')
    .select(['record_type', 'record_id'])
    .where('integration_id', '=', integration.id)
    .where('workspace_id', '=', integration.workspaceId)
    // A literal, not a parameter: only then can SQLite use the partial index on `remoteId` rows.
    .where('key', '=', sql.lit('remoteId'))
    .where('value', '=', JSON.stringify(remoteId));
  if (kind) query = query.where('record_type', '=', kind);
  const row = await query.executeTakeFirst();
  return row ? ({ kind: row.record_type, id: row.record_id } as RecordRef) : null;
}

/**
 * The roadmap records linked to the remote parents a remote record names in the mapping's
 * "Linked to" fields, looked up before any transaction, as the core's `resolveRecord`.
 */
export async function linkedParentsOf(
  db: Db,
  integration: LinkOwner,
  mapping: RecordMapping,
  fields: Readonly<Record<string, unknown>>,
): Promise<(kind: RoadmapKind, remoteIdOrRef: string) => RecordRef | undefined> {
  const found = new Map<string, RecordRef>();
  for (const link of mapping.links) {
    const remoteId = remoteIdOf(fields[link.remoteField]);
    if (remoteId === null) continue;
    const record = await linkedRecordOf(db, integration, remoteId, link.parentKind);
    if (record) found.set(`${link.parentKind}:${remoteId}`, record);
  }
  return (kind, remoteIdOrRef) => {
    const remoteId = remoteIdOf(remoteIdOrRef);
    return remoteId === null ? undefined : found.get(`${kind}:${remoteId}`);
  };
}
