import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type Transact = <T>(work: (trx: Transaction<Database>) => Promise<T>) => Promise<T>;

type Unit = {
  work: (trx: Transaction<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

/** Units committed together at most; a batch holds the only SQLite connection while it runs. */
const MAX_UNITS = 64;

/**
 * Runs each unit of work as if in its own transaction, but commits the units that arrive
 * together in one SQLite transaction. On SQLite a commit writes every page the transaction
 * touched to the WAL; units that append to the same tables share most of those pages, so a
 * bulk send writes a fraction of the frames. Each unit runs inside its own savepoint: one that
 * fails is rolled back alone and rejects; the others resolve only once their commit is durable.
 */
export function createGroupCommit(
  db: Kysely<Database>,
  options: {
    /**
     * How long the first unit of a batch waits for others. 0: only units that arrive in the
     * same turn of the event loop. A few milliseconds let the answers of concurrent remote
     * calls (which arrive spread out) share commits; the caller trades that much latency.
     */
    windowMs?: number;
  } = {},
): Transact {
  const windowMs = options.windowMs ?? 0;
  const waiting: Unit[] = [];
  let scheduled = false;

  async function runBatch(): Promise<void> {
    scheduled = false;
    const batch = waiting.splice(0, MAX_UNITS);
    if (waiting.length > 0) schedule();
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const unit of batch) {
          await sql`savepoint unit`.execute(trx);
          try {
            // Its own Transaction object (same connection): per-unit state keyed by it stays apart.
            const value = await unit.work(trx.withoutPlugins());
            await sql`release savepoint unit`.execute(trx);
            outcomes.push({ ok: true, value });
          } catch (error) {
            await sql`rollback to savepoint unit`.execute(trx);
            await sql`release savepoint unit`.execute(trx);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const unit of batch) unit.reject(error);
      return;
    }
    batch.forEach((unit, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    // After the I/O callbacks of this turn of the event loop (or of the window's turns):
    // replies that arrived together commit together.
    if (windowMs > 0) setTimeout(() => void runBatch(), windowMs);
    else setImmediate(() => void runBatch());
  }

  return <T>(work: (trx: Transaction<Database>) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      schedule();
    });
}
