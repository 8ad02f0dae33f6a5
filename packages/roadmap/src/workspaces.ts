import { NotFoundError } from './errors.ts';
import type { Reader } from './store.ts';

/** The workspace key that prefixes reference numbers (APP in APP-12). */
export async function workspaceKey(db: Reader, workspaceId: string): Promise<string> {
  const row = await db
    .selectFrom('workspaces')
    .select('key')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Workspace');
  return row.key;
}

export async function isMember(db: Reader, workspaceId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Workspaces a user belongs to (any role): what they may see and link to. */
export async function workspaceIdsOf(db: Reader, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('workspace_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.workspace_id);
}
