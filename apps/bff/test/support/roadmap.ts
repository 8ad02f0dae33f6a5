import { randomBytes } from 'node:crypto';
import { ensureWorkflows, lastEventSeq, listEvents } from '@tandem/roadmap';
import { type DatabaseHandle, usersRepository, workspacesRepository } from '@tandem/storage';
import { DEMO_USERS } from '../../src/demo/seed-identity.ts';
import { createTestApp } from './test-app.ts';

type Client = ReturnType<Awaited<ReturnType<typeof createTestApp>>['client']>;

/**
 * A workspace of its own (demo owner, contributor and viewer as members) and a signed-in
 * browser per role, so tests never share roadmap data.
 */
export async function roadmapFixture(
  database: DatabaseHandle,
  overrides: Record<string, string> = {},
) {
  const { client } = await createTestApp(database, overrides);
  const users = usersRepository(database.db);
  const workspaces = workspacesRepository(database.db);
  const key = `T${randomBytes(3).toString('hex').toUpperCase()}`;
  const workspace = await workspaces.create({ key, name: `Test ${key}` });
  await ensureWorkflows(database, { actorId: null, origin: 'user', now: new Date() }, workspace.id);
  const ids: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const user = await users.findByEmail(u.email);
    ids[u.role] = user!.id;
    await workspaces.addMember(workspace.id, user!.id, u.role);
  }
  const signIn = async (role: 'owner' | 'contributor' | 'viewer') => {
    const browser = client();
    await browser.login(`${role}@tandem.demo`);
    return browser;
  };
  const owner = await signIn('owner');
  const contributor = await signIn('contributor');
  const viewer = await signIn('viewer');
  const base = `/api/workspaces/${workspace.id}`;

  const { workflows } = await (await owner.request('GET', `${base}/workflows`)).json();
  const statusesOf = (recordType: string) =>
    workflows.find((w: { recordType: string }) => w.recordType === recordType).statuses as Array<{
      id: string;
      name: string;
    }>;
  const release = await (
    await owner.request('POST', `${base}/releases`, { name: '2027.1', releaseDate: '2027-03-31' })
  ).json();

  return {
    workspace,
    base,
    owner,
    contributor,
    viewer,
    client,
    userIds: ids,
    release,
    statuses: {
      feature: statusesOf('feature'),
      requirement: statusesOf('requirement'),
      release: statusesOf('release'),
    },
    /** Rows in a table and the last event, to assert that a refused request wrote nothing. */
    async written(
      table:
        | 'features'
        | 'requirements'
        | 'releases'
        | 'attachments'
        | 'custom_field_definitions'
        | 'initiatives',
    ) {
      const row = await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return { rows: Number(row.n), lastEvent: await lastEventSeq(database.db) };
    },
    eventsSince: (seq: number) => listEvents(database.db, { afterSeq: seq }),
  };
}

export type RoadmapFixture = Awaited<ReturnType<typeof roadmapFixture>>;
export type { Client };
