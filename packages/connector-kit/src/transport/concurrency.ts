/**
 * Concurrency per remote account. A `ConcurrencyBudget` hands out leases keyed by account;
 * the default lives in this process and is shared by every transport, so all integrations on
 * one Rally account stay within its 12 concurrent requests. A database-backed budget (for
 * several processes on PostgreSQL) implements the same interface.
 */
import { createHash } from 'node:crypto';

export interface Lease {
  /** Returns the slot. Safe to call more than once. */
  release(): void | Promise<void>;
}

export interface ConcurrencyBudget {
  /** Resolves when fewer than `limit` leases for `key` are held. FIFO. */
  acquire(key: string, limit: number, signal?: AbortSignal): Promise<Lease>;
}

export interface BudgetStats {
  active: number;
  waiting: number;
}

export interface LocalConcurrencyBudget extends ConcurrencyBudget {
  stats(key: string): BudgetStats;
}

interface Waiter {
  grant: () => void;
}

interface Semaphore {
  limit: number;
  active: number;
  queue: Waiter[];
}

export function createLocalBudget(): LocalConcurrencyBudget {
  const semaphores = new Map<string, Semaphore>();

  const semaphoreFor = (key: string, limit: number): Semaphore => {
    let semaphore = semaphores.get(key);
    if (!semaphore) {
      semaphore = { limit, active: 0, queue: [] };
      semaphores.set(key, semaphore);
    }
    semaphore.limit = limit;
    return semaphore;
  };

  const makeLease = (key: string, semaphore: Semaphore): Lease => {
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        semaphore.active -= 1;
        drain(semaphore);
        if (semaphore.active === 0 && semaphore.queue.length === 0) semaphores.delete(key);
      },
    };
  };

  const drain = (semaphore: Semaphore) => {
    while (semaphore.active < semaphore.limit) {
      const next = semaphore.queue.shift();
      if (!next) return;
      semaphore.active += 1;
      next.grant();
    }
  };

  return {
    acquire(key, limit, signal) {
      if (!Number.isInteger(limit) || limit < 1) {
        return Promise.reject(new RangeError(`concurrency limit must be ≥ 1, got ${limit}`));
      }
      signal?.throwIfAborted();
      const semaphore = semaphoreFor(key, limit);
      if (semaphore.active < semaphore.limit && semaphore.queue.length === 0) {
        semaphore.active += 1;
        return Promise.resolve(makeLease(key, semaphore));
      }
      return new Promise<Lease>((resolve, reject) => {
        const onAbort = () => {
          const index = semaphore.queue.indexOf(waiter);
          if (index >= 0) semaphore.queue.splice(index, 1);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          grant: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve(makeLease(key, semaphore));
          },
        };
        semaphore.queue.push(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    stats(key) {
      const semaphore = semaphores.get(key);
      return { active: semaphore?.active ?? 0, waiting: semaphore?.queue.length ?? 0 };
    },
  };
}

/** The budget every transport uses unless told otherwise. */
export const processBudget: LocalConcurrencyBudget = createLocalBudget();

/**
 * `rally:https://rally1.rallydev.com|<principal>`. The principal is the remote user (id or login);
 * before it is known, pass `principalFromSecret(apiKey)` so the key itself is never in the string.
 */
export function accountKey(system: string, accountUrl: string, principal: string): string {
  const origin = new URL(accountUrl).origin.toLowerCase();
  return `${system}:${origin}|${principal}`;
}

export function principalFromSecret(secret: string): string {
  return `secret:${createHash('sha256').update(secret).digest('hex').slice(0, 16)}`;
}
