import { type ActionContext, ensureWorkflows } from '@tandem/roadmap';
import { type DatabaseHandle, usersRepository, workspacesRepository } from '@tandem/storage';
import { hashPassword } from '../lib/passwords.ts';

export const DEMO_PASSWORD = 'tandem-demo';

export const DEMO_USERS = [
  { email: 'owner@tandem.demo', name: 'Olivia Owner', role: 'owner' },
  { email: 'contributor@tandem.demo', name: 'Carlos Contributor', role: 'contributor' },
  { email: 'viewer@tandem.demo', name: 'Vera Viewer', role: 'viewer' },
] as const;

export const DEMO_WORKSPACES = [
  { key: 'APP', name: 'Mobile App' },
  { key: 'PLT', name: 'Platform' },
] as const;

/** Demo users and workspaces; does nothing when they are already there. */
export async function seedDemoIdentity(database: DatabaseHandle): Promise<{ created: boolean }> {
  const users = usersRepository(database.db);
  if (await users.findByEmail(DEMO_USERS[0].email)) return { created: false };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const workspaceIds = await database.db.transaction().execute(async (trx) => {
    const u = usersRepository(trx);
    const w = workspacesRepository(trx);
    const ids: string[] = [];
    const created = await Promise.all(
      DEMO_USERS.map((d) => u.create({ email: d.email, name: d.name, passwordHash })),
    );
    for (const def of DEMO_WORKSPACES) {
      const ws = (await w.findByKey(def.key)) ?? (await w.create(def));
      for (const [i, d] of DEMO_USERS.entries()) await w.addMember(ws.id, created[i]!.id, d.role);
      ids.push(ws.id);
    }
    return ids;
  });
  // A workspace comes with its default workflows (reading them never creates them).
  const ctx: ActionContext = { actorId: null, origin: 'user', now: new Date() };
  for (const id of workspaceIds) await ensureWorkflows(database, ctx, id);
  return { created: true };
}
