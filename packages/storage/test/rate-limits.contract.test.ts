import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { rateLimitsRepository, sessionsRepository, usersRepository } from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';

describeEachDialect('rate-limit buckets and session activity', (handle) => {
  const key = (tag: string) => `${tag}:${randomBytes(4).toString('hex')}`;
  const at = (iso: string) => new Date(iso);
  const limit = { seconds: 60, max: 3 };

  it('counts hits per key and window, refuses past the limit with the seconds left', async () => {
    const repo = rateLimitsRepository(handle().db);
    const k = key('login');
    const now = at('2030-01-01T00:00:15.000Z');
    for (const n of [1, 2, 3])
      expect(await repo.take(k, limit, now)).toEqual({ allowed: true, count: n });
    expect(await repo.take(k, limit, now)).toEqual({ allowed: false, retryAfterSeconds: 45 });
    // A refused hit writes nothing: the count stays at the limit.
    expect(await repo.count(k, limit, now)).toBe(3);
    expect(await repo.check(k, limit, now)).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(await repo.check(key('unseen'), limit, now)).toEqual({ allowed: true, count: 0 });
    // Another key and the next window start from zero.
    expect(await repo.take(key('other'), limit, now)).toMatchObject({ allowed: true, count: 1 });
    expect(await repo.take(k, limit, at('2030-01-01T00:01:00.000Z'))).toMatchObject({
      allowed: true,
      count: 1,
    });
  });

  it('never lets concurrent hits overshoot the limit', async () => {
    const repo = rateLimitsRepository(handle().db);
    const k = key('burst');
    const now = at('2030-01-01T00:00:01.000Z');
    const results = await Promise.all(
      Array.from({ length: 10 }, () => repo.take(k, { seconds: 60, max: 4 }, now)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(4);
    expect(await repo.count(k, limit, now)).toBe(4);
  });

  it('gives a hit back, clears a key, and deletes expired windows only', async () => {
    const repo = rateLimitsRepository(handle().db);
    const k = key('give');
    const now = at('2030-01-01T00:00:30.000Z');
    await repo.take(k, limit, now);
    await repo.take(k, limit, now);
    await repo.giveBack(k, limit, now);
    expect(await repo.count(k, limit, now)).toBe(1);
    await repo.clear(k);
    expect(await repo.count(k, limit, now)).toBe(0);

    const old = key('old');
    const fresh = key('fresh');
    await repo.take(old, limit, at('2030-01-01T00:00:00.000Z'));
    await repo.take(fresh, limit, at('2030-01-01T00:05:00.000Z'));
    expect(await repo.deleteExpired(at('2030-01-01T00:05:10.000Z'))).toBeGreaterThanOrEqual(1);
    expect(await repo.count(old, limit, at('2030-01-01T00:00:00.000Z'))).toBe(0);
    expect(await repo.count(fresh, limit, at('2030-01-01T00:05:00.000Z'))).toBe(1);
  });

  it('finds a session only while it was used recently, and records use at most once per period', async () => {
    const db = handle().db;
    const sessions = sessionsRepository(db);
    const user = await usersRepository(db).create({
      email: `${key('idle')}@w.test`,
      name: 'Idle',
      passwordHash: 'h',
    });
    const id = key('session');
    await sessions.create(
      { id, userId: user.id, csrfToken: 'c', expiresAt: '2031-01-01T00:00:00.000Z' },
      '2030-01-01T00:00:00.000Z',
    );
    const now = '2030-01-01T09:00:00.000Z';
    expect(await sessions.findValid(id, now, '2030-01-01T01:00:00.000Z')).toBeUndefined();
    expect(await sessions.findValid(id, now, '2029-12-31T23:00:00.000Z')).toMatchObject({
      lastSeenAt: '2030-01-01T00:00:00.000Z',
    });

    await sessions.touch(id, '2030-01-01T00:30:00.000Z', '2030-01-01T00:29:00.000Z');
    // Used again within the period: no write.
    await sessions.touch(id, '2030-01-01T00:30:30.000Z', '2030-01-01T00:29:30.000Z');
    expect((await sessions.findValid(id, now))?.lastSeenAt).toBe('2030-01-01T00:30:00.000Z');
    expect(await sessions.findValid(id, now, '2030-01-01T00:20:00.000Z')).toBeDefined();
  });
});
