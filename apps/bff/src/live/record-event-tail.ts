import type { Database } from '@tandem/storage';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { LiveBus } from './live-bus.ts';

/**
 * Tails the record_events outbox and publishes each new row to the live bus. Every BFF process
 * tails for itself, so a change committed by any process (another BFF, a worker) reaches every
 * browser; a write in this process calls `wake()` so its own browsers hear at once.
 */
export function startRecordEventTail(options: {
  db: Kysely<Database>;
  bus: LiveBus;
  logger: Logger;
  intervalMs?: number;
}) {
  const { db, bus, logger } = options;
  const intervalMs = options.intervalMs ?? 250;
  let lastSeq: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  async function tick(): Promise<void> {
    if (lastSeq === undefined) {
      const row = await db
        .selectFrom('record_events')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      lastSeq = Number(row?.seq ?? 0);
    }
    for (;;) {
      const rows = await db
        .selectFrom('record_events')
        .select([
          'seq',
          'workspace_id',
          'record_type',
          'record_id',
          'action',
          'record_version',
          'origin',
          'parent_type',
          'parent_id',
        ])
        .where('seq', '>', lastSeq)
        .orderBy('seq')
        .limit(500)
        .execute();
      const published = new Set<string>();
      for (const r of rows) {
        lastSeq = Number(r.seq);
        // A link written by the sync engine is news about the linked record, not about the row.
        const owner =
          r.record_type === 'integration_field' && r.parent_type && r.parent_id
            ? { recordType: r.parent_type, recordId: r.parent_id }
            : undefined;
        const recordType = owner?.recordType ?? r.record_type;
        const recordId = owner?.recordId ?? r.record_id;
        // A link write touches several integration-field keys at once: one event per record.
        const key = `${recordType}:${recordId}:${r.origin}:${owner ? 'link' : r.seq}`;
        if (published.has(key)) continue;
        published.add(key);
        bus.publish(r.workspace_id, {
          type: 'record.changed',
          recordType,
          recordId,
          action: owner ? 'update' : r.action,
          version: owner ? null : r.record_version,
          origin: r.origin,
          parentType: owner ? null : r.parent_type,
          parentId: owner ? null : r.parent_id,
        });
      }
      if (rows.length < 500) return;
    }
  }

  function schedule(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, delay);
  }

  function run() {
    if (running) return;
    running = tick()
      .catch((error: unknown) => logger.warn({ err: error }, 'live tail failed; retrying'))
      .finally(() => {
        running = undefined;
        schedule(intervalMs);
      });
  }

  run();
  return {
    wake: () => schedule(0),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type RecordEventTail = ReturnType<typeof startRecordEventTail>;
