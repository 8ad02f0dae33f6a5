import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { createKyselyJobQueue, createWorker, PostponeJob } from '../../src/runner/index.ts';

describeEachDialect('worker', (handle) => {
  it('runs every job once with bounded concurrency, serialising each named queue', async () => {
    const queue = createKyselyJobQueue({ db: handle().db });
    const seen: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const perQueue = new Map<string, number>();
    let queueOverlap = false;
    const worker = createWorker({
      queue,
      workerId: 'w',
      concurrency: 4,
      pollMs: 20,
      handlers: {
        async send(job) {
          const { record, n } = job.payload as { record: string; n: number };
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          perQueue.set(record, (perQueue.get(record) ?? 0) + 1);
          if (perQueue.get(record)! > 1) queueOverlap = true;
          await new Promise((r) => setTimeout(r, 5));
          seen.push(`${record}:${n}`);
          perQueue.set(record, perQueue.get(record)! - 1);
          inFlight -= 1;
        },
      },
    });
    for (let n = 0; n < 5; n++) {
      for (const record of ['a', 'b', 'c', 'd', 'e', 'f']) {
        await queue.add({ task: 'send', payload: { record, n }, queueName: `record:${record}` });
      }
    }
    worker.start();
    await worker.drained();
    await worker.stop();
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(maxInFlight).toBeGreaterThan(1);
    expect(queueOverlap).toBe(false);
    for (const record of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const order = seen
        .filter((s) => s.startsWith(`${record}:`))
        .map((s) => Number(s.split(':')[1]));
      expect(order).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it('records a failing handler’s error and retries it', async () => {
    const queue = createKyselyJobQueue({ db: handle().db });
    let calls = 0;
    const outcomes: string[] = [];
    const worker = createWorker({
      queue,
      workerId: 'w',
      pollMs: 10,
      handlers: {
        async flaky() {
          calls += 1;
          throw new Error('remote said no');
        },
      },
      onError: (_job, _error, outcome) => outcomes.push(outcome),
    });
    await queue.add({ task: 'flaky', payload: {}, maxAttempts: 1 });
    worker.start();
    await worker.drained();
    await worker.stop();
    expect(calls).toBe(1);
    expect(outcomes).toEqual(['failed']);
    const failed = await handle().db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(failed.status).toBe('failed');
    expect(failed.last_error).toBe('Error: remote said no');
  });
});

describeEachDialect('worker under postponed jobs', (handle) => {
  it('keeps serving network replies while many jobs wait for a parent', {
    timeout: 20_000,
  }, async () => {
    const queue = createKyselyJobQueue({ db: handle().db });
    let parentDone = false;
    const worker = createWorker({
      queue,
      workerId: 'w',
      concurrency: 8,
      pollMs: 20,
      handlers: {
        async parent() {
          // Stands for a remote call: only a macrotask (timer / socket) can finish it.
          await new Promise((r) => setTimeout(r, 30));
          parentDone = true;
        },
        async child() {
          if (!parentDone) throw new PostponeJob('waiting for the parent', 5);
        },
      },
    });
    await queue.add({ task: 'parent', payload: {} });
    for (let i = 0; i < 300; i++) await queue.add({ task: 'child', payload: { i } });
    const started = Date.now();
    worker.start();
    await worker.drained();
    await worker.stop();
    expect(parentDone).toBe(true);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await queue.counts()).toEqual({ pending: 0, running: 0, failed: 0 });
  });
});

describeEachDialect('worker running jobs leased with a completion', (handle) => {
  it('runs the job a handler’s transaction added next, completing each with its own work', async () => {
    const db = handle().db;
    const queue = createKyselyJobQueue({ db });
    const seen: number[] = [];
    const worker = createWorker({
      queue,
      workerId: 'w',
      concurrency: 1,
      pollMs: 1_000,
      handlers: {
        async step(job, helpers) {
          const { n } = job.payload as { n: number };
          seen.push(n);
          await db.transaction().execute(async (trx) => {
            if (n < 5)
              await queue.addWithin(trx, {
                task: 'step',
                payload: { n: n + 1 },
                queueName: `chain:${n + 1}`,
              });
            await helpers.completeWithin!(trx);
          });
        },
      },
    });
    await queue.add({ task: 'step', payload: { n: 0 }, queueName: 'chain:0' });
    const started = Date.now();
    worker.start();
    await worker.drained();
    await worker.stop();
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    // Chained in the slot: no 1 s poll between the steps.
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await queue.counts()).toEqual({ pending: 0, running: 0, failed: 0 });
  });

  it('hands a chained job back, its attempt uncounted, when stopping', async () => {
    const db = handle().db;
    const queue = createKyselyJobQueue({ db });
    let stopping: Promise<void> | undefined;
    const worker = createWorker({
      queue,
      workerId: 'w',
      concurrency: 1,
      handlers: {
        async step(_job, helpers) {
          stopping = worker.stop();
          await db.transaction().execute(async (trx) => {
            await queue.addWithin(trx, { task: 'later', payload: {}, queueName: 'chain:later' });
            await helpers.completeWithin!(trx);
          });
        },
        async later() {
          throw new Error('must not run after stop');
        },
      },
    });
    await queue.add({ task: 'step', payload: {}, queueName: 'chain:first' });
    worker.start();
    await new Promise<void>((resolve) => {
      const wait = setInterval(() => {
        if (stopping) {
          clearInterval(wait);
          resolve();
        }
      }, 5);
    });
    await stopping;
    const rows = await db.selectFrom('jobs').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ task: 'later', attempts: 0, locked_by: null });
  });
});
