/**
 * The durable job queue the runner depends on. Shaped after graphile-worker's `addJob` so a
 * graphile-worker adapter can implement it on PostgreSQL without changing callers.
 */
export type JobKeyMode =
  /** An existing unlocked job with the key gets the new payload and run-at (debounce). */
  | 'replace'
  /** As `replace`, but the existing run-at is kept. */
  | 'preserve_run_at'
  /** An existing job with the key wins; the new one is dropped (dedupe). */
  | 'unsafe_dedupe';

export type AddJobSpec = {
  task: string;
  payload: unknown;
  /** Jobs with the same queue name never run at the same time. */
  queueName?: string;
  jobKey?: string;
  jobKeyMode?: JobKeyMode;
  runAt?: Date;
  maxAttempts?: number;
};

export type Job = {
  id: number;
  task: string;
  payload: unknown;
  queueName: string | null;
  jobKey: string | null;
  runAt: string;
  /** Counts the attempt in progress once picked. */
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
};

export interface JobQueue {
  add(spec: AddJobSpec): Promise<Job>;
  /** Leases the next ready job among `tasks`, or returns undefined. */
  pick(workerId: string, tasks: readonly string[]): Promise<Job | undefined>;
  complete(job: Job, workerId: string): Promise<void>;
  /** Schedules a retry with backoff, or marks the job failed after its last attempt. */
  fail(job: Job, workerId: string, error: string): Promise<'retrying' | 'failed'>;
  /**
   * Completes the job inside the caller's own transaction (`trx` is the adapter's), so the work
   * that finished it and its completion commit together. Optional: adapters without it are
   * completed by the worker afterwards.
   */
  completeWithin?(trx: never, job: Job, workerId: string): Promise<void>;
  /**
   * As `completeWithin`, and leases the job the worker should run next (among `tasks`) in the
   * same transaction, saving a pick of its own.
   */
  completeAndTakeNext?(
    trx: never,
    job: Job,
    workerId: string,
    tasks: readonly string[],
  ): Promise<Job | undefined>;
  /** Puts a job back to run again after `delayMs` without counting this attempt. */
  postpone(job: Job, workerId: string, delayMs: number): Promise<void>;
  /** Extends the lease of a running job. */
  heartbeat(job: Job, workerId: string): Promise<void>;
  counts(): Promise<{ pending: number; failed: number; running: number }>;
}

/** Exponential backoff with a ceiling: 1 s, 2 s, 4 s … 5 min (graphile-worker uses exp too). */
export function retryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 5 * 60_000);
}

/** Thrown by a handler that cannot run yet (e.g. its parent is still being created). */
export class PostponeJob extends Error {
  override readonly name = 'PostponeJob';
  readonly delayMs: number;
  constructor(reason: string, delayMs = 100) {
    super(reason);
    this.delayMs = delayMs;
  }
}
