import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { createGroupCommit } from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';

const at = '2030-01-01T00:00:00.000Z';

describeEachDialect('group commit', (handle) => {
  beforeEach(async () => {
    await handle().db.deleteFrom('job_queues').execute();
  });

  const names = async () =>
    (
      await handle()
        .db.selectFrom('job_queues')
        .select('queue_name')
        .orderBy('queue_name')
        .execute()
    ).map((r) => r.queue_name);

  it('commits units that arrive together, each answering with its own result', async () => {
    const transact = createGroupCommit(handle().db);
    const results = await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        transact(async (trx) => {
          await trx
            .insertInto('job_queues')
            .values({ queue_name: name, locked_by: null, locked_until: at })
            .execute();
          return name.toUpperCase();
        }),
      ),
    );
    expect(results).toEqual(['A', 'B', 'C']);
    expect(await names()).toEqual(['a', 'b', 'c']);
  });

  it('with a window, a unit waits for the units that arrive during it and commits with them', async () => {
    const transact = createGroupCommit(handle().db, { windowMs: 30 });
    const order: string[] = [];
    const unit = (name: string) =>
      transact(async (trx) => {
        await trx
          .insertInto('job_queues')
          .values({ queue_name: name, locked_by: null, locked_until: at })
          .execute();
      }).then(() => order.push(`${name} committed`));
    const first = unit('a');
    await new Promise((r) => setTimeout(r, 5));
    order.push('b arrives');
    await Promise.all([first, unit('b')]);
    expect(order).toEqual(['b arrives', 'a committed', 'b committed']);
    expect(await names()).toEqual(['a', 'b']);
  });

  it('without a window, a unit commits before one arriving in a later turn', async () => {
    const transact = createGroupCommit(handle().db);
    const order: string[] = [];
    const first = transact(async () => 'a').then(() => order.push('a committed'));
    await new Promise((r) => setTimeout(r, 5));
    order.push('b arrives');
    await Promise.all([first, transact(async () => 'b')]);
    expect(order).toEqual(['a committed', 'b arrives']);
  });

  it('rolls a failing unit back alone; the others commit', async () => {
    const transact = createGroupCommit(handle().db);
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c'].map((name) =>
        transact(async (trx) => {
          await trx
            .insertInto('job_queues')
            .values({ queue_name: name, locked_by: null, locked_until: at })
            .execute();
          if (name === 'b') throw new Error('b cannot be stored');
          return name;
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('b cannot be stored');
    expect(await names()).toEqual(['a', 'c']);
  });

  it('answers a unit only once its writes are committed and visible to others', async () => {
    const transact = createGroupCommit(handle().db);
    await transact((trx) =>
      trx
        .insertInto('job_queues')
        .values({ queue_name: 'seen', locked_by: null, locked_until: at })
        .execute(),
    );
    // A plain read outside any transaction sees it.
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from job_queues where queue_name = 'seen'`.execute(handle().db);
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('gives every unit its own transaction object', async () => {
    const transact = createGroupCommit(handle().db);
    const seen = await Promise.all([transact(async (trx) => trx), transact(async (trx) => trx)]);
    expect(seen[0]).not.toBe(seen[1]);
  });
});
