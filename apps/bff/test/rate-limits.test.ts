import { randomBytes } from 'node:crypto';
import { usersRepository } from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { hashPassword } from '../src/lib/passwords.ts';
import { roadmapFixture } from './support/roadmap.ts';
import { createTestApp, type TestResponse } from './support/test-app.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72]);
const PASSWORD = 'correct horse battery';

/** An address of its own per test, as buckets live in the file's shared database. */
const address = () => `10.${[1, 2, 3].map(() => randomBytes(1)[0]).join('.')}`;

async function expectRateLimited(res: TestResponse, message: RegExp) {
  expect(res.status).toBe(429);
  const wait = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(wait) && wait > 0).toBe(true);
  const body = await res.json();
  expect(body.error.code).toBe('rate_limited');
  expect(body.error.message).toMatch(message);
  expect(body.error.details).toEqual({ retryAfterSeconds: wait });
}

describeEachDialect('rate limits held in the database', (handle) => {
  async function account() {
    const email = `victim-${randomBytes(4).toString('hex')}@tandem.test`;
    await usersRepository(handle().db).create({
      email,
      name: 'Victim',
      passwordHash: await hashPassword(PASSWORD),
    });
    return email;
  }

  async function rows(table: 'sessions' | 'rate_limits') {
    const row = await handle()
      .db.selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('locks one account after N failures spread over many addresses, right password included', async () => {
    const { client } = await createTestApp(handle(), {
      LOGIN_MAX_FAILURES: '3',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '100',
    });
    const email = await account();
    for (let i = 0; i < 3; i++) {
      const res = await client({ address: address() }).login(email, `guess-${i}`);
      expect(res.status).toBe(401);
    }
    const before = { sessions: await rows('sessions'), buckets: await rows('rate_limits') };
    await expectRateLimited(
      await client({ address: address() }).login(email, 'guess-4'),
      /^Too many sign-in attempts\. Try again in \d+ (minute|second)s?\.$/,
    );
    const right = await client({ address: address() }).login(email, PASSWORD);
    await expectRateLimited(right, /Too many sign-in attempts/);
    expect(right.headers.get('set-cookie')).toBeNull();
    // Refused: no session, no new bucket, no count bumped.
    expect({ sessions: await rows('sessions'), buckets: await rows('rate_limits') }).toEqual(
      before,
    );
  });

  it('limits spraying: many accounts from one address, while others still sign in', async () => {
    const { client } = await createTestApp(handle(), {
      LOGIN_MAX_FAILURES: '10',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '4',
    });
    const attacker = address();
    const emails = await Promise.all([1, 2, 3, 4, 5].map(() => account()));
    for (const email of emails.slice(0, 4)) {
      expect((await client({ address: attacker }).login(email, 'Winter2030!')).status).toBe(401);
    }
    await expectRateLimited(
      await client({ address: attacker }).login(emails[4]!, 'Winter2030!'),
      /Too many sign-in attempts/,
    );
    // The sprayed accounts are not locked for their owners elsewhere.
    expect((await client({ address: address() }).login(emails[4]!, PASSWORD)).status).toBe(200);
    expect((await client({ address: address() }).login(emails[0]!, PASSWORD)).status).toBe(200);
  });

  it('forgets an account’s failures on a right password, and does not count it for the address', async () => {
    const { client } = await createTestApp(handle(), {
      LOGIN_MAX_FAILURES: '3',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '3',
    });
    const email = await account();
    const from = address();
    expect((await client({ address: from }).login(email, 'nope')).status).toBe(401);
    expect((await client({ address: from }).login(email, 'nope')).status).toBe(401);
    // Signing in right, many times, never uses up the address's allowance of failures.
    for (let i = 0; i < 5; i++) {
      expect((await client({ address: from }).login(email, PASSWORD)).status).toBe(200);
    }
    expect((await client({ address: from }).login(email, 'nope')).status).toBe(401);
    await expectRateLimited(
      await client({ address: from }).login(email, PASSWORD),
      /Too many sign-in attempts/,
    );
  });

  it('limits sends per user with 429 and Retry-After, other users unaffected', async () => {
    const f = await roadmapFixture(handle(), { SENDS_PER_MINUTE: '2' });
    const sends = `${f.base}/integrations/no-such-integration/sends`;
    const body = { featureIds: ['f1'] };
    // The limit is counted before the integration is looked up (these answer 404).
    expect((await f.contributor.request('POST', sends, body)).status).toBe(404);
    expect((await f.contributor.request('POST', sends, body)).status).toBe(404);
    await expectRateLimited(
      await f.contributor.request('POST', sends, body),
      /^Too many sends in a short time\. Try again in \d+ seconds?\.$/,
    );
    expect((await f.owner.request('POST', sends, body)).status).toBe(404);
    // A viewer, who may not send at all, is refused by role and uses up nothing.
    expect((await f.viewer.request('POST', sends, body)).status).toBe(403);
  });

  it('limits attachment uploads per user; a refused upload stores nothing', async () => {
    const f = await roadmapFixture(handle(), { UPLOADS_PER_MINUTE: '2' });
    const feature = await (
      await f.owner.request('POST', `${f.base}/features`, {
        name: 'With screenshots',
        releaseId: f.release.id,
      })
    ).json();
    const upload = () => {
      const form = new FormData();
      form.append('file', new Blob([PNG], { type: 'image/png' }), 'shot.png');
      return f.owner.request('POST', `${f.base}/features/${feature.id}/attachments`, form);
    };
    expect((await upload()).status).toBe(201);
    expect((await upload()).status).toBe(201);
    const before = await f.written('attachments');
    await expectRateLimited(await upload(), /^Too many uploads in a short time\./);
    expect(await f.written('attachments')).toEqual(before);
  });

  it('deletes expired buckets as new hits come in', async () => {
    let now = new Date('2030-05-01T10:00:10.000Z');
    const { client } = await createTestApp(handle(), {}, { now: () => now });
    const from = address();
    const email = await account();
    expect((await client({ address: from }).login(email, 'nope')).status).toBe(401);
    const mine = () =>
      handle()
        .db.selectFrom('rate_limits')
        .select('bucket_key')
        .where('bucket_key', 'in', [`loginAddress:${from}`, `loginAccount:${email}`])
        .execute();
    expect(await mine()).toHaveLength(2);
    now = new Date('2030-05-01T11:00:00.000Z');
    expect((await client({ address: address() }).login(await account(), 'nope')).status).toBe(401);
    expect(await mine()).toHaveLength(0);
  });
});
