import { type Job, type JobQueue, PostponeJob } from './port.ts';

export type TaskHelpers = {
  heartbeat(): Promise<void>;
  /** Completes this job inside the handler's own transaction, when the queue can. */
  completeWithin?: (trx: unknown) => Promise<void>;
};

export type TaskHandler = (job: Job, helpers: TaskHelpers) => Promise<void>;

export type WorkerOptions = {
  queue: JobQueue;
  handlers: Record<string, TaskHandler>;
  workerId: string;
  /** Jobs run at the same time by this worker. */
  concurrency?: number;
  pollMs?: number;
  onError?: (job: Job, error: unknown, outcome: 'retrying' | 'failed') => void;
  onPickError?: (error: unknown) => void;
  /** How often a running job's lease is extended (keep it well under the queue's lease). */
  heartbeatMs?: number;
};

export type Worker = {
  start(): void;
  /** Wakes idle slots now (a job was just added in this process). */
  wake(): void;
  /** Resolves once the queue has no ready job and no job is running here. */
  idle(): Promise<void>;
  /** Resolves once no job is pending at all (postponed and scheduled ones included). */
  drained(): Promise<void>;
  stop(): Promise<void>;
};

/** Runs jobs from the queue: N slots, each picks, runs its handler, then completes or fails it. */
export function createWorker(options: WorkerOptions): Worker {
  const { queue, handlers, workerId } = options;
  const concurrency = options.concurrency ?? 8;
  const pollMs = options.pollMs ?? 500;
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const tasks = Object.keys(handlers);
  let running = false;
  let active = 0;
  const sleepers = new Set<() => void>();
  const idleWaiters = new Set<() => void>();
  const slots: Promise<void>[] = [];

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });
  }

  /** Wakes one idle slot; a slot that then finds a job wakes the next (no thundering herd). */
  function wakeOne(): void {
    const [first] = sleepers;
    first?.();
  }

  function wakeAll(): void {
    for (const wake of [...sleepers]) wake();
  }

  function checkIdle(foundNothing: boolean) {
    if (foundNothing && active === 0) {
      for (const w of idleWaiters) w();
      idleWaiters.clear();
    }
  }

  function idle(): Promise<void> {
    return new Promise((resolve) => {
      idleWaiters.add(resolve);
      wakeAll();
    });
  }

  /** Completes `job` inside the handler's transaction, leasing the next job when the queue can. */
  function completerFor(job: Job, done: (next: Job | undefined) => void) {
    if (queue.completeAndTakeNext) {
      const takeNext = queue.completeAndTakeNext.bind(queue);
      return async (trx: unknown) => done(await takeNext(trx as never, job, workerId, tasks));
    }
    if (queue.completeWithin) {
      const completeWithin = queue.completeWithin.bind(queue);
      return async (trx: unknown) => {
        await completeWithin(trx as never, job, workerId);
        done(undefined);
      };
    }
    return undefined;
  }

  /**
   * Runs one job: completes it, postpones it, or records its failure. Answers the job leased
   * with its completion (to run next in this slot), if any.
   */
  async function runOne(job: Job): Promise<Job | undefined> {
    const handler = handlers[job.task]!;
    const beat = setInterval(() => {
      queue.heartbeat(job, workerId).catch((error: unknown) => options.onPickError?.(error));
    }, heartbeatMs);
    // Read only when the handler returns, that is after its transaction committed.
    let completed = false;
    let next: Job | undefined;
    try {
      const completeWithin = completerFor(job, (leased) => {
        completed = true;
        next = leased;
      });
      await handler(job, {
        heartbeat: () => queue.heartbeat(job, workerId),
        ...(completeWithin ? { completeWithin } : {}),
      });
      if (!completed) await queue.complete(job, workerId);
      return next;
    } catch (error) {
      if (error instanceof PostponeJob) {
        await queue.postpone(job, workerId, error.delayMs);
        return undefined;
      }
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const outcome = await queue.fail(job, workerId, message);
      options.onError?.(job, error, outcome);
      return undefined;
    } finally {
      clearInterval(beat);
    }
  }

  async function slot() {
    while (running) {
      let job: Job | undefined;
      try {
        job = await queue.pick(workerId, tasks);
      } catch (error) {
        options.onPickError?.(error);
      }
      if (!job) {
        checkIdle(true);
        await sleep(pollMs);
        continue;
      }
      // There was work: maybe more. Another slot looks; if it finds some, it wakes the next.
      wakeOne();
      active += 1;
      while (job) {
        job = await runOne(job);
        if (job && !running) {
          // Stopping: hand the job leased for this slot back, its attempt uncounted.
          await queue.postpone(job, workerId, 0).catch((e: unknown) => options.onPickError?.(e));
          job = undefined;
        }
        // The embedded database answers synchronously; without this yield a busy slot could
        // keep the event loop in microtasks and starve the network replies other jobs wait for.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      active -= 1;
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      for (let i = 0; i < concurrency; i++) slots.push(slot());
    },
    wake: wakeOne,
    idle,
    async drained() {
      for (;;) {
        await idle();
        const { pending, running } = await queue.counts();
        if (pending === 0 && running === 0) return;
        await new Promise((r) => setTimeout(r, Math.min(pollMs, 50)));
      }
    },
    async stop() {
      running = false;
      wakeAll();
      await Promise.all(slots.splice(0));
    },
  };
}
