import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** A fixed window: `seconds` long, aligned to multiples of its length since the epoch. */
export type RateWindow = { seconds: number; max: number };

export type TakeResult =
  | { allowed: true; count: number }
  | { allowed: false; retryAfterSeconds: number };

function windowOf(now: Date, seconds: number) {
  const ms = seconds * 1000;
  const start = Math.floor(now.getTime() / ms) * ms;
  return {
    start: new Date(start).toISOString(),
    end: new Date(start + ms).toISOString(),
    retryAfterSeconds: Math.max(1, Math.ceil((start + ms - now.getTime()) / 1000)),
  };
}

/**
 * Fixed-window counters shared by every process on the database. `take` is one statement
 * (an upsert that only bumps a count still under the limit), so concurrent hits cannot overshoot
 * and a refused hit writes nothing.
 */
export function rateLimitsRepository(db: Kysely<Database>) {
  return {
    async take(key: string, limit: RateWindow, now: Date): Promise<TakeResult> {
      const w = windowOf(now, limit.seconds);
      const row = await db
        .insertInto('rate_limits')
        .values({ bucket_key: key, window_start: w.start, count: 1, expires_at: w.end })
        .onConflict((oc) =>
          oc
            .columns(['bucket_key', 'window_start'])
            .doUpdateSet((eb) => ({ count: eb('rate_limits.count', '+', 1) }))
            .where('rate_limits.count', '<', limit.max),
        )
        .returning('count')
        .executeTakeFirst();
      if (row && row.count <= limit.max) return { allowed: true, count: Number(row.count) };
      return { allowed: false, retryAfterSeconds: w.retryAfterSeconds };
    },

    /** Whether `take` would allow a hit now, without counting one (a read only). */
    async check(key: string, limit: RateWindow, now: Date): Promise<TakeResult> {
      const w = windowOf(now, limit.seconds);
      const row = await db
        .selectFrom('rate_limits')
        .select('count')
        .where('bucket_key', '=', key)
        .where('window_start', '=', w.start)
        .executeTakeFirst();
      const count = row ? Number(row.count) : 0;
      return count < limit.max
        ? { allowed: true, count }
        : { allowed: false, retryAfterSeconds: w.retryAfterSeconds };
    },

    /** Hands back one hit of the current window (a sign-in that turned out to be right). */
    async giveBack(key: string, limit: RateWindow, now: Date): Promise<void> {
      const w = windowOf(now, limit.seconds);
      await db
        .updateTable('rate_limits')
        .set((eb) => ({ count: eb('count', '-', 1) }))
        .where('bucket_key', '=', key)
        .where('window_start', '=', w.start)
        .where('count', '>', 0)
        .execute();
    },

    /** Forgets every window of a key. */
    async clear(key: string): Promise<void> {
      await db.deleteFrom('rate_limits').where('bucket_key', '=', key).execute();
    },

    /** Hits counted so far in the current window (0 when none). */
    async count(key: string, limit: Pick<RateWindow, 'seconds'>, now: Date): Promise<number> {
      const w = windowOf(now, limit.seconds);
      const row = await db
        .selectFrom('rate_limits')
        .select('count')
        .where('bucket_key', '=', key)
        .where('window_start', '=', w.start)
        .executeTakeFirst();
      return row ? Number(row.count) : 0;
    },

    async deleteExpired(now: Date): Promise<number> {
      const result = await db
        .deleteFrom('rate_limits')
        .where('expires_at', '<=', now.toISOString())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
