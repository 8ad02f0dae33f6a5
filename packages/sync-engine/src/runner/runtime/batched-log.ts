import { type Database, integrationLogRepository, type NewLogEntry } from '@tandem/storage';
import type { Kysely } from 'kysely';

/**
 * Writes integration-log lines in batches: a busy transport logs one line per HTTP call, and a
 * commit per line cost more than the call's own bookkeeping. Lines wait at most `flushMs`.
 */
export function createBatchedLog(
  db: Kysely<Database>,
  options: { flushMs?: number; max?: number } = {},
) {
  const flushMs = options.flushMs ?? 100;
  const max = options.max ?? 250;
  const log = integrationLogRepository(db);
  let pending: { entry: NewLogEntry; at: string }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length > 0) {
      writing = writing.then(() => log.appendMany(batch)).catch(() => {});
    }
    return writing;
  }

  return {
    add(entry: NewLogEntry, at = new Date().toISOString()): void {
      pending.push({ entry, at });
      if (pending.length >= max) void flush();
      else timer ??= setTimeout(flush, flushMs);
    },
    flush,
  };
}
