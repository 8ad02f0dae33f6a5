import { describe, expect, it } from 'vitest';
import {
  isUniqueViolation,
  sessionsRepository,
  usersRepository,
  workspacesRepository,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';

describeEachDialect('identity repositories', (handle, dialect) => {
  const repos = () => ({
    users: usersRepository(handle().db),
    workspaces: workspacesRepository(handle().db),
    sessions: sessionsRepository(handle().db),
  });

  it('reports every migration applied', async () => {
    const state = await handle().migrationState();
    expect(state.pending).toBe(0);
    expect(state.applied).toBeGreaterThan(0);
    expect(handle().dialect).toBe(dialect);
  });

  it('creates a user and finds it by email, case-insensitively', async () => {
    const { users } = repos();
    const created = await users.create({
      email: 'Ada@Example.com',
      name: 'Ada',
      passwordHash: 'h',
    });
    const found = await users.findByEmail('ADA@example.COM');
    expect(found).toMatchObject({ id: created.id, email: 'ada@example.com', passwordHash: 'h' });
    expect(await users.findById(created.id)).toEqual(created);
  });

  it('refuses a second user with the same email', async () => {
    const { users } = repos();
    await users.create({ email: 'dup@example.com', name: 'One', passwordHash: 'h' });
    const error = await users
      .create({ email: 'dup@example.com', name: 'Two', passwordHash: 'h' })
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('lists workspaces with the member role and members with theirs', async () => {
    const { users, workspaces } = repos();
    const owner = await users.create({ email: 'o@w.test', name: 'Owner', passwordHash: 'h' });
    const guest = await users.create({ email: 'g@w.test', name: 'Guest', passwordHash: 'h' });
    const a = await workspaces.create({ key: 'AAA', name: 'Alpha' });
    const b = await workspaces.create({ key: 'BBB', name: 'Beta' });
    await workspaces.addMember(a.id, owner.id, 'owner');
    await workspaces.addMember(b.id, owner.id, 'viewer');
    await workspaces.addMember(a.id, guest.id, 'contributor');

    const mine = await workspaces.listForUser(owner.id);
    expect(mine.map((w) => [w.key, w.role])).toEqual([
      ['AAA', 'owner'],
      ['BBB', 'viewer'],
    ]);
    expect(await workspaces.roleOf(a.id, guest.id)).toBe('contributor');
    expect(await workspaces.roleOf(b.id, guest.id)).toBeUndefined();
    expect((await workspaces.listMembers(a.id)).map((m) => m.role).sort()).toEqual([
      'contributor',
      'owner',
    ]);
  });

  it('rejects a role outside the allowed set at the database level', async () => {
    const { users, workspaces } = repos();
    const u = await users.create({ email: 'r@w.test', name: 'R', passwordHash: 'h' });
    const w = await workspaces.create({ key: 'ROLE', name: 'Roles' });
    await expect(workspaces.addMember(w.id, u.id, 'admin' as 'owner')).rejects.toThrow();
  });

  it('renames a workspace and bumps its version', async () => {
    const { workspaces } = repos();
    const w = await workspaces.create({ key: 'REN', name: 'Before' });
    const renamed = await workspaces.rename(w.id, 'After', '2030-01-01T00:00:00.000Z');
    expect(renamed).toMatchObject({
      name: 'After',
      version: 2,
      updatedAt: '2030-01-01T00:00:00.000Z',
    });
  });

  it('finds a session only until it expires, and deletes expired ones', async () => {
    const { users, sessions } = repos();
    const u = await users.create({ email: 's@w.test', name: 'S', passwordHash: 'h' });
    await sessions.create({
      id: 'hash-1',
      userId: u.id,
      csrfToken: 'c',
      expiresAt: '2030-01-01T00:00:00.000Z',
    });
    expect(await sessions.findValid('hash-1', '2029-12-31T23:59:59.000Z')).toMatchObject({
      userId: u.id,
    });
    expect(await sessions.findValid('hash-1', '2030-01-01T00:00:00.000Z')).toBeUndefined();
    expect(await sessions.deleteExpired('2030-01-02T00:00:00.000Z')).toBeGreaterThanOrEqual(1);
    expect(await sessions.findValid('hash-1', '2029-01-01T00:00:00.000Z')).toBeUndefined();
  });

  it('removes memberships and sessions with their user (foreign keys on)', async () => {
    const { users, workspaces, sessions } = repos();
    const u = await users.create({ email: 'fk@w.test', name: 'FK', passwordHash: 'h' });
    const w = await workspaces.create({ key: 'FKEY', name: 'FK' });
    await workspaces.addMember(w.id, u.id, 'owner');
    await sessions.create({
      id: 'fk-s',
      userId: u.id,
      csrfToken: 'c',
      expiresAt: '2999-01-01T00:00:00.000Z',
    });
    await handle().db.deleteFrom('users').where('id', '=', u.id).execute();
    expect(await workspaces.roleOf(w.id, u.id)).toBeUndefined();
    expect(await sessions.findValid('fk-s')).toBeUndefined();
  });
});

describe('opening databases', () => {
  it('gives one clear line when PostgreSQL cannot be reached', async () => {
    const { openDatabase } = await import('../src/index.ts');
    const error = await openDatabase({
      dialect: 'postgres',
      url: 'postgres://postgres@127.0.0.1:1/nope',
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('DatabaseUnavailableError');
    expect((error as Error).message).toMatch(
      /^Cannot reach PostgreSQL at 127\.0\.0\.1:1\/nope \(ECONNREFUSED\)/,
    );
    expect((error as Error).message).not.toContain('\n');
  });
});
