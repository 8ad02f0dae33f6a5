import { type Kysely, sql } from 'kysely';
import type { ColumnTypes } from '../column-types.ts';

/**
 * The durable job queue (shaped like graphile-worker's: task, payload, job key + mode, named
 * queue, run-at, attempts). A job is leased by a worker until `locked_until`; a crashed worker's
 * lease runs out and the job is picked again. `job_queues` serialises jobs sharing a queue name.
 */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  const isPostgres = t.timestamp === 'timestamptz';
  await db.schema
    .createTable('jobs')
    .addColumn('id', isPostgres ? 'bigint' : 'integer', (c) =>
      isPostgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('task', t.text, (c) => c.notNull())
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('queue_name', t.text)
    .addColumn('job_key', t.text, (c) => c.unique())
    .addColumn('run_at', t.timestamp, (c) => c.notNull())
    .addColumn('attempts', t.integer, (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', t.integer, (c) => c.notNull().defaultTo(10))
    .addColumn('status', t.text, (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'failed')`),
    )
    .addColumn('last_error', t.text)
    .addColumn('locked_by', t.text)
    .addColumn('locked_until', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('jobs_ready_idx')
    .on('jobs')
    .columns(['status', 'run_at', 'id'])
    .execute();
  await db.schema.createIndex('jobs_queue_idx').on('jobs').column('queue_name').execute();

  await db.schema
    .createTable('job_queues')
    .addColumn('queue_name', t.text, (c) => c.primaryKey())
    .addColumn('locked_by', t.text)
    .addColumn('locked_until', t.timestamp)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_queues').execute();
  await db.schema.dropTable('jobs').execute();
}
