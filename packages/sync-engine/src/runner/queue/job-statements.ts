import { prepareQuery } from '@tandem/storage';
import { sql } from 'kysely';

/** The queue's statements that run for every job, prepared once (see `prepareQuery`). */

export const insertQueue = prepareQuery((db, p: { queueName: string }) =>
  db
    .insertInto('job_queues')
    .values({ queue_name: p.queueName, locked_by: null, locked_until: null })
    .onConflict((oc) => oc.column('queue_name').doNothing()),
);

export const insertJob = prepareQuery(
  (
    db,
    p: {
      task: string;
      payload: string;
      queueName: string | null;
      jobKey: string | null;
      runAt: string;
      maxAttempts: number;
      at: string;
    },
  ) =>
    db
      .insertInto('jobs')
      .values({
        task: p.task,
        payload: p.payload,
        queue_name: p.queueName,
        job_key: p.jobKey,
        run_at: p.runAt,
        max_attempts: p.maxAttempts,
        last_error: null,
        locked_by: null,
        locked_until: null,
        created_at: p.at,
        updated_at: p.at,
      })
      .returningAll(),
);

export const deleteLeasedJob = prepareQuery((db, p: { id: number; workerId: string }) =>
  db.deleteFrom('jobs').where('id', '=', p.id).where('locked_by', '=', p.workerId),
);

export const nextInQueue = prepareQuery((db, p: { queueName: string; at: string }) =>
  db
    .selectFrom('jobs')
    .select('id')
    .where('queue_name', '=', p.queueName)
    .where('status', '=', 'pending')
    .where('run_at', '<=', p.at)
    .orderBy('run_at')
    .orderBy('id')
    .limit(1),
);

export const lockQueue = prepareQuery(
  (db, p: { queueName: string; workerId: string; until: string; at: string }) =>
    db
      .updateTable('job_queues')
      .set({ locked_by: p.workerId, locked_until: p.until })
      .where('queue_name', '=', p.queueName)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', p.at)])),
);

export const extendQueue = prepareQuery(
  (db, p: { queueName: string; workerId: string; until: string }) =>
    db
      .updateTable('job_queues')
      .set({ locked_until: p.until })
      .where('queue_name', '=', p.queueName)
      .where('locked_by', '=', p.workerId),
);

export const releaseQueue = prepareQuery((db, p: { queueName: string; workerId: string }) =>
  db
    .updateTable('job_queues')
    .set({ locked_by: null, locked_until: null })
    .where('queue_name', '=', p.queueName)
    .where('locked_by', '=', p.workerId),
);

export const leaseJob = prepareQuery(
  (db, p: { id: number; workerId: string; until: string; at: string }) =>
    db
      .updateTable('jobs')
      .set((eb) => ({
        locked_by: p.workerId,
        locked_until: p.until,
        attempts: eb('attempts', '+', 1),
        updated_at: p.at,
      }))
      .where('id', '=', p.id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', p.at)]))
      .returningAll(),
);

const readyCandidatesByTaskCount = new Map<number, ReturnType<typeof readyCandidates>>();

/** Ready jobs whose queue is free, oldest first; prepared once per number of task names. */
export function readyCandidatesFor(taskCount: number) {
  let prepared = readyCandidatesByTaskCount.get(taskCount);
  if (!prepared) {
    prepared = readyCandidates(taskCount);
    readyCandidatesByTaskCount.set(taskCount, prepared);
  }
  return prepared;
}

function readyCandidates(taskCount: number) {
  return prepareQuery((db, p: { at: string } & Record<`task${number}`, string>) =>
    db
      .selectFrom('jobs')
      .select(['id', 'queue_name'])
      .where('status', '=', 'pending')
      .where('run_at', '<=', p.at)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', p.at)]))
      .where(
        'task',
        'in',
        Array.from({ length: taskCount }, (_, i) => p[`task${i}`] as string),
      )
      .where((eb) =>
        eb.or([
          eb('queue_name', 'is', null),
          eb.not(
            eb.exists(
              eb
                .selectFrom('job_queues as q')
                .select(sql.lit(1).as('one'))
                .whereRef('q.queue_name', '=', 'jobs.queue_name')
                .where('q.locked_until', '>=', p.at),
            ),
          ),
        ]),
      )
      .orderBy('run_at')
      .orderBy('id')
      .limit(8),
  );
}
