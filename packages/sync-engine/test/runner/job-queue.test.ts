import { describeEachDialect } from '@tandem/storage/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { createKyselyJobQueue, type Job } from '../../src/runner/index.ts';

describeEachDialect('durable job queue', (handle) => {
  let clock = new Date('2030-01-01T00:00:00.000Z');
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const queue = () => createKyselyJobQueue({ db: handle().db, now: () => clock, leaseMs: 30_000 });

  beforeEach(async () => {
    await handle().db.deleteFrom('jobs').execute();
    await handle().db.deleteFrom('job_queues').execute();
  });

  it('hands out a ready job once, and removes it when completed', async () => {
    const q = queue();
    await q.add({ task: 'send', payload: { featureId: 'f1' } });
    const job = await q.pick('w1', ['send']);
    expect(job).toMatchObject({ task: 'send', payload: { featureId: 'f1' }, attempts: 1 });
    expect(await q.pick('w2', ['send'])).toBeUndefined();
    await q.complete(job!, 'w1');
    expect(await q.counts()).toEqual({ pending: 0, running: 0, failed: 0 });
  });

  it('keeps a job until its run-at', async () => {
    const q = queue();
    await q.add({ task: 'send', payload: {}, runAt: new Date(clock.getTime() + 5 * 60_000) });
    expect(await q.pick('w1', ['send'])).toBeUndefined();
    advance(5 * 60_000);
    expect(await q.pick('w1', ['send'])).toBeDefined();
  });

  it('replaces the payload and run-at of a keyed job (debounce)', async () => {
    const q = queue();
    await q.add({
      task: 'push',
      payload: { n: 1 },
      jobKey: 'debounce:f1',
      runAt: new Date(clock.getTime() + 300_000),
    });
    advance(200_000);
    await q.add({
      task: 'push',
      payload: { n: 2 },
      jobKey: 'debounce:f1',
      runAt: new Date(clock.getTime() + 300_000),
    });
    advance(200_000);
    expect(await q.pick('w1', ['push'])).toBeUndefined();
    advance(100_000);
    const job = await q.pick('w1', ['push']);
    expect(job?.payload).toEqual({ n: 2 });
    expect((await q.counts()).pending).toBe(1);
  });

  it('drops a second job with the same key in dedupe mode', async () => {
    const q = queue();
    const a = await q.add({
      task: 'send',
      payload: { n: 1 },
      jobKey: 'send:f1',
      jobKeyMode: 'unsafe_dedupe',
    });
    const b = await q.add({
      task: 'send',
      payload: { n: 2 },
      jobKey: 'send:f1',
      jobKeyMode: 'unsafe_dedupe',
    });
    expect(b.id).toBe(a.id);
    expect(b.payload).toEqual({ n: 1 });
    expect((await q.counts()).pending).toBe(1);
  });

  it('adds a new job when the keyed one is already running, keeping both', async () => {
    const q = queue();
    await q.add({ task: 'push', payload: { n: 1 }, jobKey: 'k' });
    const running = await q.pick('w1', ['push']);
    await q.add({ task: 'push', payload: { n: 2 }, jobKey: 'k' });
    expect((await q.counts()).pending).toBe(2);
    await q.complete(running!, 'w1');
    expect((await q.pick('w1', ['push']))?.payload).toEqual({ n: 2 });
  });

  it('never runs two jobs of one named queue at the same time, and keeps their order', async () => {
    const q = queue();
    await q.add({ task: 'send', payload: { n: 1 }, queueName: 'record:f1' });
    await q.add({ task: 'send', payload: { n: 2 }, queueName: 'record:f1' });
    await q.add({ task: 'send', payload: { n: 3 }, queueName: 'record:f2' });
    const first = await q.pick('w1', ['send']);
    const second = await q.pick('w2', ['send']);
    expect(first?.payload).toEqual({ n: 1 });
    expect(second?.payload).toEqual({ n: 3 });
    expect(await q.pick('w3', ['send'])).toBeUndefined();
    await q.complete(first!, 'w1');
    expect((await q.pick('w3', ['send']))?.payload).toEqual({ n: 2 });
  });

  it('gives a crashed worker’s job to another once the lease runs out', async () => {
    const q = queue();
    await q.add({ task: 'send', payload: {}, queueName: 'record:f1' });
    const lost = await q.pick('crashed', ['send']);
    advance(29_000);
    expect(await q.pick('w2', ['send'])).toBeUndefined();
    advance(2_000);
    const again = await q.pick('w2', ['send']);
    expect(again?.id).toBe(lost?.id);
    expect(again?.attempts).toBe(2);
    // The crashed worker cannot complete what is no longer its lease.
    await q.complete(lost!, 'crashed');
    expect((await q.counts()).pending).toBe(1);
  });

  it('retries with growing backoff, then marks the job failed', async () => {
    const q = queue();
    await q.add({ task: 'send', payload: {}, maxAttempts: 3 });
    let job = await q.pick('w1', ['send']);
    expect(await q.fail(job!, 'w1', 'boom 1')).toBe('retrying');
    expect(await q.pick('w1', ['send'])).toBeUndefined();
    advance(1_000);
    job = await q.pick('w1', ['send']);
    expect(job).toMatchObject({ attempts: 2, lastError: 'boom 1' });
    expect(await q.fail(job!, 'w1', 'boom 2')).toBe('retrying');
    advance(1_999);
    expect(await q.pick('w1', ['send'])).toBeUndefined();
    advance(1);
    job = await q.pick('w1', ['send']);
    expect(await q.fail(job!, 'w1', 'boom 3')).toBe('failed');
    advance(3_600_000);
    expect(await q.pick('w1', ['send'])).toBeUndefined();
    expect(await q.counts()).toEqual({ pending: 0, running: 0, failed: 1 });
  });

  it('only hands out tasks the worker knows', async () => {
    const q = queue();
    await q.add({ task: 'import', payload: {} });
    expect(await q.pick('w1', ['send'])).toBeUndefined();
    expect(await q.pick('w1', ['import', 'send'])).toBeDefined();
  });

  it('postpones a job without spending an attempt', async () => {
    const q = queue();
    await q.add({ task: 'send', payload: {}, queueName: 'record:p', maxAttempts: 1 });
    const job = await q.pick('w1', ['send']);
    await q.postpone(job!, 'w1', 500);
    expect(await q.pick('w1', ['send'])).toBeUndefined();
    advance(500);
    const again = await q.pick('w2', ['send']);
    expect(again).toMatchObject({ id: job!.id, attempts: 1 });
  });

  describe('completing a job and taking the next in one transaction', () => {
    const take = (job: Job, worker: string, pickAny = false) =>
      handle()
        .db.transaction()
        .execute((trx) =>
          createKyselyJobQueue({
            db: handle().db,
            now: () => clock,
            leaseMs: 30_000,
            pickOnComplete: pickAny,
          }).completeAndTakeNext(trx, job, worker, ['send']),
        );

    it('leases the next job of the same queue and keeps the queue held', async () => {
      const q = queue();
      await q.add({ task: 'send', payload: { n: 1 }, queueName: 'record:a' });
      await q.add({ task: 'send', payload: { n: 2 }, queueName: 'record:a' });
      const first = await q.pick('w1', ['send']);
      const next = await take(first!, 'w1');
      expect(next).toMatchObject({ payload: { n: 2 }, attempts: 1 });
      // Held by w1: nobody else gets a job of record:a, and the first one is gone.
      expect(await q.pick('w2', ['send'])).toBeUndefined();
      await q.complete(next!, 'w1');
      expect(await q.counts()).toEqual({ pending: 0, running: 0, failed: 0 });
    });

    it('leases a job the same transaction added when its queue is free', async () => {
      const q = queue();
      await q.add({ task: 'send', payload: { n: 1 }, queueName: 'record:a' });
      const first = await q.pick('w1', ['send']);
      const next = await handle()
        .db.transaction()
        .execute(async (trx) => {
          await q.addWithin(trx, { task: 'send', payload: { n: 2 }, queueName: 'record:b' });
          return q.completeAndTakeNext(trx, first!, 'w1', ['send']);
        });
      expect(next).toMatchObject({ payload: { n: 2 }, queueName: 'record:b' });
      expect(await q.pick('w2', ['send'])).toBeUndefined();
    });

    it('picks any ready job only when asked to', async () => {
      const q = queue();
      await q.add({ task: 'send', payload: { n: 1 }, queueName: 'record:a' });
      await q.add({ task: 'send', payload: { n: 2 }, queueName: 'record:b' });
      const first = await q.pick('w1', ['send']);
      expect(await take(first!, 'w1')).toBeUndefined();
      // record:a was released and record:b is still there for anyone.
      const other = await q.pick('w2', ['send']);
      expect(other).toMatchObject({ payload: { n: 2 } });
      await q.add({ task: 'send', payload: { n: 3 }, queueName: 'record:c' });
      expect(await take(other!, 'w2', true)).toMatchObject({ payload: { n: 3 } });
    });

    it('leases nothing when the transaction rolls back', async () => {
      const q = queue();
      await q.add({ task: 'send', payload: { n: 1 }, queueName: 'record:a' });
      await q.add({ task: 'send', payload: { n: 2 }, queueName: 'record:a' });
      const first = await q.pick('w1', ['send']);
      await expect(
        handle()
          .db.transaction()
          .execute(async (trx) => {
            await q.completeAndTakeNext(trx, first!, 'w1', ['send']);
            throw new Error('the answer could not be stored');
          }),
      ).rejects.toThrow('could not be stored');
      // The first job is still leased to w1 (not completed); after its lease, it runs again first.
      expect(await q.pick('w2', ['send'])).toBeUndefined();
      advance(30_001);
      expect(await q.pick('w2', ['send'])).toMatchObject({ id: first!.id, attempts: 2 });
    });
  });
});
