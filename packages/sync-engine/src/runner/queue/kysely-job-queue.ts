import { type Database, readJson } from '@tandem/storage';
import type { Kysely, Selectable, Transaction } from 'kysely';
import * as statements from './job-statements.ts';
import { type AddJobSpec, type Job, type JobQueue, retryDelayMs } from './port.ts';

type Clock = () => Date;
type Db = Kysely<Database> | Transaction<Database>;

type JobRow = Selectable<Database['jobs']>;

function toJob(r: JobRow): Job {
  return {
    id: Number(r.id),
    task: r.task,
    payload: readJson(r.payload),
    queueName: r.queue_name,
    jobKey: r.job_key,
    runAt: r.run_at,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    lastError: r.last_error,
  };
}

export type KyselyJobQueueOptions = {
  db: Kysely<Database>;
  now?: Clock;
  leaseMs?: number;
  /** Called after every add, so an in-process worker can wake without waiting for its poll. */
  onAdded?: () => void;
  /**
   * Whether a completing job's transaction may pick any ready job for its slot. Right where
   * writers are serialised (SQLite); on PostgreSQL, locking another queue's row after this job's
   * could deadlock with a concurrent picker.
   */
  pickOnComplete?: boolean;
};

/** The embedded queue on the app's own database (SQLite or PostgreSQL). */
export function createKyselyJobQueue(options: KyselyJobQueueOptions): JobQueue & {
  addWithin(trx: Db, spec: AddJobSpec): Promise<Job>;
  completeWithin(trx: Db, job: Job, workerId: string): Promise<void>;
  completeAndTakeNext(
    trx: Db,
    job: Job,
    workerId: string,
    tasks: readonly string[],
  ): Promise<Job | undefined>;
} {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  // Short, because workers extend it while a job runs: a crashed worker's jobs return quickly.
  const leaseMs = options.leaseMs ?? 15_000;
  const iso = (d: Date) => d.toISOString();

  /** Jobs added inside each open transaction, ready now: candidates to run right after it. */
  const addedWithin = new WeakMap<Db, Job[]>();

  async function addWithin(trx: Db, spec: AddJobSpec): Promise<Job> {
    const job = await insertOrReplace(trx, spec);
    if (trx !== db && Date.parse(job.runAt) <= now().getTime()) {
      const added = addedWithin.get(trx) ?? [];
      added.push(job);
      addedWithin.set(trx, added);
    }
    return job;
  }

  async function insertOrReplace(trx: Db, spec: AddJobSpec): Promise<Job> {
    const at = now();
    const runAt = iso(spec.runAt ?? at);
    const payload = JSON.stringify(spec.payload ?? {});
    if (spec.queueName) await statements.insertQueue.rows(trx, { queueName: spec.queueName });
    if (spec.jobKey) {
      const existing = await trx
        .selectFrom('jobs')
        .selectAll()
        .where('job_key', '=', spec.jobKey)
        .executeTakeFirst();
      if (existing) {
        const mode = spec.jobKeyMode ?? 'replace';
        const running = existing.locked_until !== null && existing.locked_until > iso(at);
        if (mode === 'unsafe_dedupe') return toJob(existing);
        if (!running && existing.status === 'pending') {
          const updated = await trx
            .updateTable('jobs')
            .set({
              payload,
              task: spec.task,
              queue_name: spec.queueName ?? null,
              run_at: mode === 'preserve_run_at' ? existing.run_at : runAt,
              max_attempts: spec.maxAttempts ?? existing.max_attempts,
              attempts: 0,
              last_error: null,
              updated_at: iso(at),
            })
            .where('id', '=', existing.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          return toJob(updated);
        }
        // The keyed job is running or failed: it keeps running without its key; the new one takes it.
        await trx
          .updateTable('jobs')
          .set({ job_key: null })
          .where('id', '=', existing.id)
          .execute();
      }
    }
    const row = await statements.insertJob.first(trx, {
      task: spec.task,
      payload,
      queueName: spec.queueName ?? null,
      jobKey: spec.jobKey ?? null,
      runAt,
      maxAttempts: spec.maxAttempts ?? 10,
      at: iso(at),
    });
    return toJob(row!);
  }

  /** Completes a job inside the caller's transaction (with the work that finished it). */
  async function completeWithin(trx: Db, job: Job, workerId: string): Promise<void> {
    await statements.deleteLeasedJob.affected(trx, { id: job.id, workerId });
    await releaseQueue(trx, job, workerId);
  }

  /**
   * Completes a job and, in the same transaction, leases the job its slot runs next: the next
   * ready job of the same queue (the queue stays held), else a job this transaction added, else
   * (with `pickOnComplete`) any ready job among `tasks`: a busy worker needs no pick of its own.
   */
  async function completeAndTakeNext(
    trx: Db,
    job: Job,
    workerId: string,
    tasks: readonly string[],
  ): Promise<Job | undefined> {
    await statements.deleteLeasedJob.affected(trx, { id: job.id, workerId });
    const at = iso(now());
    const until = iso(new Date(now().getTime() + leaseMs));
    if (job.queueName) {
      const queueName = job.queueName;
      const next = await statements.nextInQueue.first(trx, { queueName, at });
      const leased = next && (await lease(trx, Number(next.id), workerId, at, until));
      if (leased) {
        await statements.extendQueue.affected(trx, { queueName, workerId, until });
        return leased;
      }
      await releaseQueue(trx, job, workerId);
    }
    for (const added of addedWithin.get(trx) ?? []) {
      if (added.queueName && !(await lockQueue(trx, added.queueName, workerId, at, until)))
        continue;
      const leased = await lease(trx, added.id, workerId, at, until);
      if (leased) return leased;
      if (added.queueName) await releaseQueue(trx, added, workerId);
    }
    return options.pickOnComplete && tasks.length > 0
      ? pickWithin(trx, workerId, tasks)
      : undefined;
  }

  /** Leases the next ready job among `tasks` whose queue is free, inside `trx`. */
  async function pickWithin(
    trx: Db,
    workerId: string,
    tasks: readonly string[],
  ): Promise<Job | undefined> {
    const at = iso(now());
    const until = iso(new Date(now().getTime() + leaseMs));
    // No row locks here: the conditional updates below decide races, always taking the queue
    // row before the job row, so two pickers cannot deadlock.
    const candidates = await statements
      .readyCandidatesFor(tasks.length)
      .rows(trx, { at, ...Object.fromEntries(tasks.map((task, i) => [`task${i}`, task])) });

    for (const candidate of candidates) {
      let id = Number(candidate.id);
      if (candidate.queue_name) {
        if (!(await lockQueue(trx, candidate.queue_name, workerId, at, until))) continue;
        // Holding the queue, run its head: a candidate list read under concurrency may be
        // missing earlier jobs of this queue that another picker had locked at that moment.
        const head = await statements.nextInQueue.first(trx, {
          queueName: candidate.queue_name,
          at,
        });
        if (!head) {
          await releaseQueue(trx, { queueName: candidate.queue_name }, workerId);
          continue;
        }
        id = Number(head.id);
      }
      const leased = await lease(trx, id, workerId, at, until);
      if (leased) return leased;
      if (candidate.queue_name)
        await releaseQueue(trx, { queueName: candidate.queue_name }, workerId);
    }
    return undefined;
  }

  async function lockQueue(
    trx: Db,
    queueName: string,
    workerId: string,
    at: string,
    until: string,
  ): Promise<boolean> {
    return (await statements.lockQueue.affected(trx, { queueName, workerId, until, at })) > 0;
  }

  async function lease(trx: Db, id: number, workerId: string, at: string, until: string) {
    const row = await statements.leaseJob.first(trx, { id, workerId, until, at });
    return row && toJob(row);
  }

  async function releaseQueue(trx: Db, job: Pick<Job, 'queueName'>, workerId: string) {
    if (!job.queueName) return;
    await statements.releaseQueue.affected(trx, { queueName: job.queueName, workerId });
  }

  return {
    addWithin,
    async add(spec) {
      const job = await db.transaction().execute((trx) => addWithin(trx, spec));
      options.onAdded?.();
      return job;
    },

    async pick(workerId, tasks) {
      if (tasks.length === 0) return undefined;
      return db.transaction().execute((trx) => pickWithin(trx, workerId, tasks));
    },

    async complete(job, workerId) {
      await db.transaction().execute((trx) => completeWithin(trx, job, workerId));
    },

    completeWithin,
    completeAndTakeNext,

    async fail(job, workerId, error) {
      const final = job.attempts >= job.maxAttempts;
      const at = now();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('jobs')
          .set({
            status: final ? 'failed' : 'pending',
            last_error: error.slice(0, 4000),
            run_at: iso(new Date(at.getTime() + (final ? 0 : retryDelayMs(job.attempts)))),
            locked_by: null,
            locked_until: null,
            updated_at: iso(at),
          })
          .where('id', '=', job.id)
          .where('locked_by', '=', workerId)
          .execute();
        await releaseQueue(trx, job, workerId);
      });
      return final ? 'failed' : 'retrying';
    },

    async postpone(job, workerId, delayMs) {
      const at = now();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('jobs')
          .set((eb) => ({
            run_at: iso(new Date(at.getTime() + delayMs)),
            attempts: eb('attempts', '-', 1),
            locked_by: null,
            locked_until: null,
            updated_at: iso(at),
          }))
          .where('id', '=', job.id)
          .where('locked_by', '=', workerId)
          .execute();
        await releaseQueue(trx, job, workerId);
      });
    },

    async heartbeat(job, workerId) {
      const until = iso(new Date(now().getTime() + leaseMs));
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('jobs')
          .set({ locked_until: until })
          .where('id', '=', job.id)
          .where('locked_by', '=', workerId)
          .execute();
        if (job.queueName) {
          await trx
            .updateTable('job_queues')
            .set({ locked_until: until })
            .where('queue_name', '=', job.queueName)
            .where('locked_by', '=', workerId)
            .execute();
        }
      });
    },

    async counts() {
      const at = iso(now());
      const rows = await db
        .selectFrom('jobs')
        .select((eb) => [
          'status',
          eb.fn.countAll<number>().as('n'),
          eb.fn
            .sum<number>(eb.case().when('locked_until', '>', at).then(1).else(0).end())
            .as('running'),
        ])
        .groupBy('status')
        .execute();
      const pending = rows.find((r) => r.status === 'pending');
      return {
        pending: Number(pending?.n ?? 0),
        running: Number(pending?.running ?? 0),
        failed: Number(rows.find((r) => r.status === 'failed')?.n ?? 0),
      };
    },
  };
}
