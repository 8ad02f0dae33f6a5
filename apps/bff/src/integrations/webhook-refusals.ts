import type { DatabaseHandle } from '@tandem/storage';
import { type IntegrationRow, webhookRefusalsRepository } from '@tandem/storage';
import type { Logger } from 'pino';

/** Refusals one process answers 401 per integration and minute; later ones get 429. */
export const REFUSALS_BEFORE_LIMIT = 20;
const FLUSH_EVERY_MS = 60_000;

export type RefusalVerdict = { limited: boolean; retryAfterSeconds: number };

export type WebhookRefusals = {
  /** Counts one refused delivery (in memory: no database write per delivery). */
  refuse(row: Pick<IntegrationRow, 'id' | 'workspaceId'>): RefusalVerdict;
  /** Adds the counted refusals to the database: one log row per integration and minute. */
  flush(): Promise<void>;
  /** Flushes and stops the minute timer. */
  close(): Promise<void>;
};

const minuteOf = (at: Date) => {
  const m = new Date(at);
  m.setUTCSeconds(0, 0);
  return m;
};

/**
 * Forged or stale deliveries are counted, not logged one by one: each process keeps counts per
 * integration and minute and adds them every minute to `webhook_refusals`, whose one
 * integration-log row per integration and minute shows the total of every process. A refused
 * delivery writes nothing when it arrives, so a flood of them costs no database writes; past
 * `REFUSALS_BEFORE_LIMIT` in a minute the answer is 429 with `Retry-After`.
 */
export function createWebhookRefusals(options: {
  database: DatabaseHandle;
  now: () => Date;
  logger?: Logger;
}): WebhookRefusals {
  const pending = new Map<
    string,
    { integrationId: string; workspaceId: string; minute: string; count: number }
  >();
  /** This minute's refusals per integration, for the limit (kept after a flush). */
  const seen = new Map<string, number>();
  let seenMinute = '';

  async function flush() {
    const batch = [...pending.values()];
    pending.clear();
    for (const entry of batch) {
      try {
        await webhookRefusalsRepository(options.database.db).add(entry, (total) =>
          total === 1
            ? 'Refused a webhook delivery that does not carry this integration’s token'
            : `Refused ${total} webhook deliveries that do not carry this integration’s token (this minute)`,
        );
      } catch (error) {
        options.logger?.warn({ err: error }, 'could not record refused webhook deliveries');
      }
    }
  }

  const timer = setInterval(() => {
    if (pending.size > 0) void flush();
  }, FLUSH_EVERY_MS);
  timer.unref();

  return {
    refuse(row) {
      const now = options.now();
      const minute = minuteOf(now).toISOString();
      if (minute !== seenMinute) {
        seen.clear();
        seenMinute = minute;
      }
      const key = `${row.id}|${minute}`;
      const entry = pending.get(key) ?? {
        integrationId: row.id,
        workspaceId: row.workspaceId,
        minute,
        count: 0,
      };
      entry.count++;
      pending.set(key, entry);
      const count = (seen.get(row.id) ?? 0) + 1;
      seen.set(row.id, count);
      const nextMinute = minuteOf(now).getTime() + 60_000;
      return {
        limited: count > REFUSALS_BEFORE_LIMIT,
        retryAfterSeconds: Math.max(1, Math.ceil((nextMinute - now.getTime()) / 1000)),
      };
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
