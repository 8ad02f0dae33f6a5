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

  function checkIdle(foundNothing: boolean) {
    if (foundNothing && active === 0) {
      for (const w of idleWaiters) w();
      idleWaiters.clear();
    }
  }

  function idle(): Promise<void> {
    return new Promise((resolve) => {
      idleWaiters.add(resolve);
      for (const wake of [...sleepers]) wake();
    });
  }

  /** Runs one job; answers whether it finished (completed or failed) rather than waiting. */
  async function runOne(job: Job): Promise<boolean> {
    const handler = handlers[job.task]!;
    const beat = setInterval(() => {
      queue.heartbeat(job, workerId).catch((error: unknown) => options.onPickError?.(error));
    }, heartbeatMs);
    try {
      let completed = false;
      const completeWithin = queue.completeWithin?.bind(queue);
      await handler(job, {
        heartbeat: () => queue.heartbeat(job, workerId),
        ...(completeWithin
          ? {
              completeWithin: async (trx: unknown) => {
                await completeWithin(trx as never, job, workerId);
                completed = true;
              },
            }
          : {}),
      });
      if (!completed) await queue.complete(job, workerId);
      return true;
    } catch (error) {
      if (error instanceof PostponeJob) {
        await queue.postpone(job, workerId, error.delayMs);
        return false;
      }
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const outcome = await queue.fail(job, workerId, message);
      options.onError?.(job, error, outcome);
      return true;
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
      active += 1;
      const finished = await runOne(job);
      active -= 1;
      // Finishing a job may make another ready (same queue); let idle slots look again.
      if (finished) for (const wake of [...sleepers]) wake();
      // The embedded database answers synchronously; without this yield a busy slot could keep
      // the event loop in microtasks and starve the network replies other jobs wait for.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      for (let i = 0; i < concurrency; i++) slots.push(slot());
    },
    wake() {
      for (const wake of [...sleepers]) wake();
    },
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
      for (const wake of [...sleepers]) wake();
      await Promise.all(slots.splice(0));
    },
  };
}
