import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, MembershipsTable, WorkspacesTable } from '../schema.ts';

export type Role = MembershipsTable['role'];
export type WorkspaceRow = {
  id: string;
  key: string;
  name: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};
export type Member = { userId: string; email: string; name: string; role: Role };

const toWorkspace = (r: WorkspacesTable): WorkspaceRow => ({
  id: r.id,
  key: r.key,
  name: r.name,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function workspacesRepository(db: Kysely<Database>) {
  return {
    async create(
      input: { key: string; name: string },
      now = new Date().toISOString(),
    ): Promise<WorkspaceRow> {
      const row: WorkspacesTable = {
        id: randomUUID(),
        key: input.key,
        name: input.name,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await db.insertInto('workspaces').values(row).execute();
      return toWorkspace(row);
    },

    async findById(id: string): Promise<WorkspaceRow | undefined> {
      const row = await db
        .selectFrom('workspaces')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toWorkspace(row);
    },

    async findByKey(key: string): Promise<WorkspaceRow | undefined> {
      const row = await db
        .selectFrom('workspaces')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst();
      return row && toWorkspace(row);
    },

    /** Renames a workspace; returns undefined when it does not exist. */
    async rename(
      id: string,
      name: string,
      now = new Date().toISOString(),
    ): Promise<WorkspaceRow | undefined> {
      await db
        .updateTable('workspaces')
        .set((eb) => ({ name, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .execute();
      return this.findById(id);
    },

    async listForUser(userId: string): Promise<Array<WorkspaceRow & { role: Role }>> {
      const rows = await db
        .selectFrom('workspaces')
        .innerJoin('memberships', 'memberships.workspace_id', 'workspaces.id')
        .selectAll('workspaces')
        .select('memberships.role')
        .where('memberships.user_id', '=', userId)
        .orderBy('workspaces.name')
        .execute();
      return rows.map((r) => ({ ...toWorkspace(r), role: r.role }));
    },

    async addMember(
      workspaceId: string,
      userId: string,
      role: Role,
      now = new Date().toISOString(),
    ): Promise<void> {
      await db
        .insertInto('memberships')
        .values({ workspace_id: workspaceId, user_id: userId, role, created_at: now })
        .execute();
    },

    async roleOf(workspaceId: string, userId: string): Promise<Role | undefined> {
      const row = await db
        .selectFrom('memberships')
        .select('role')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.role;
    },

    async listMembers(workspaceId: string): Promise<Member[]> {
      return db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id as userId', 'users.email', 'users.name', 'memberships.role'])
        .where('memberships.workspace_id', '=', workspaceId)
        .orderBy('users.name')
        .execute();
    },
  };
}
