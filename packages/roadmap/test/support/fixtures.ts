import { randomBytes } from 'node:crypto';
import type { CustomFieldValues } from '@tandem/contracts';
import { usersRepository, workspacesRepository } from '@tandem/storage';
import type { TestDatabase } from '@tandem/storage/testing';
import {
  type ActionContext,
  createRelease,
  ensureWorkflows,
  lastEventSeq,
  listEvents,
  listStatuses,
} from '../../src/index.ts';

export const NOW = new Date('2027-01-15T10:00:00.000Z');

function uniqueKey(): string {
  return `W${randomBytes(4).toString('hex').toUpperCase()}`;
}

/**
 * A workspace of its own with an owner, a contributor, the default workflows and one release,
 * so tests never depend on each other's data.
 */
export async function seedWorkspace(db: TestDatabase) {
  const users = usersRepository(db.db);
  const workspaces = workspacesRepository(db.db);
  const tag = randomBytes(4).toString('hex');
  const owner = await users.create({
    email: `owner-${tag}@t.test`,
    name: 'Owner',
    passwordHash: 'x',
  });
  const member = await users.create({ email: `pm-${tag}@t.test`, name: 'PM', passwordHash: 'x' });
  const stranger = await users.create({ email: `x-${tag}@t.test`, name: 'X', passwordHash: 'x' });
  const workspace = await workspaces.create({ key: uniqueKey(), name: `Workspace ${tag}` });
  await workspaces.addMember(workspace.id, owner.id, 'owner');
  await workspaces.addMember(workspace.id, member.id, 'contributor');
  const ctx: ActionContext = { actorId: owner.id, origin: 'user', now: NOW };
  await ensureWorkflows(db, ctx, workspace.id);
  const statuses = {
    feature: await listStatuses(db.db, workspace.id, 'feature'),
    requirement: await listStatuses(db.db, workspace.id, 'requirement'),
    release: await listStatuses(db.db, workspace.id, 'release'),
    initiative: await listStatuses(db.db, workspace.id, 'initiative'),
  };
  const release = await createRelease(db, ctx, workspace.id, {
    name: '2027.1',
    releaseDate: '2027-03-31',
    parkingLot: false,
  });
  return { workspace, owner, member, stranger, ctx, statuses, release };
}

export type Seeded = Awaited<ReturnType<typeof seedWorkspace>>;

export function featureInput(
  release: { id: string },
  overrides: Partial<{
    name: string;
    descriptionHtml: string;
    statusId: string;
    releaseId: string;
    initiativeId: string | null;
    assigneeId: string | null;
    tags: string[];
    score: number | null;
    customFields: CustomFieldValues;
  }> = {},
) {
  return {
    name: 'Offline sync',
    descriptionHtml: '<p>Works on the train</p>',
    releaseId: release.id,
    tags: [],
    customFields: {},
    ...overrides,
  };
}

/** Counts rows of a table and events, to assert "nothing was written". */
export async function snapshot(
  db: TestDatabase,
  table:
    | 'features'
    | 'requirements'
    | 'releases'
    | 'initiatives'
    | 'attachments'
    | 'custom_field_definitions'
    | 'integration_fields',
) {
  const row = await db.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: Number(row.n), seq: await lastEventSeq(db.db) };
}

/** Events written since `seq`. */
export function eventsSince(db: TestDatabase, seq: number) {
  return listEvents(db.db, { afterSeq: seq });
}
