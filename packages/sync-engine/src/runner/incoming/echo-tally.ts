import type { IntegrationRow } from '@tandem/storage';
import type { RunnerDeps } from '../runner-deps.ts';
import { createBatchedLog } from '../runtime/batched-log.ts';
import type { EchoReason } from './echo-filter.ts';

const WORDS: Record<EchoReason, string> = {
  own: 'made by Tandem itself',
  own_version: 'at a version Tandem already has',
  roll_up: `roll-ups of fields no mapping syncs`,
  duplicate: 'duplicate deliveries',
};

type Tally = {
  workspaceId: string;
  counts: Record<EchoReason, number>;
  first: string;
  /** A few of the remote records, so the line can be followed up. */
  sample: string[];
};

/**
 * Deliveries let go without work are counted, not logged one row each: one line per integration
 * once they stop arriving for `quietMs` (a send's echoes end a little after the send), at the
 * latest every `maxMs`. A process that stops loses only the count of its last window.
 */
export function createEchoTally(
  deps: Pick<RunnerDeps, 'database' | 'now'>,
  options: { quietMs?: number; maxMs?: number } = {},
) {
  const quietMs = options.quietMs ?? 2_000;
  const maxMs = options.maxMs ?? 30_000;
  const log = createBatchedLog(deps.database.db, { flushMs: 0 });
  const tallies = new Map<string, Tally>();
  const timers = new Map<string, { quiet: NodeJS.Timeout; max: NodeJS.Timeout }>();

  function write(integrationId: string): void {
    const t = tallies.get(integrationId);
    const timer = timers.get(integrationId);
    if (timer) {
      clearTimeout(timer.quiet);
      clearTimeout(timer.max);
      timers.delete(integrationId);
    }
    if (!t) return;
    tallies.delete(integrationId);
    const total = Object.values(t.counts).reduce((a, b) => a + b, 0);
    const parts = (Object.keys(t.counts) as EchoReason[])
      .filter((k) => t.counts[k] > 0)
      .map((k) => `${t.counts[k]} ${WORDS[k]}`);
    log.add(
      {
        integrationId,
        workspaceId: t.workspaceId,
        level: 'info',
        event: 'webhook',
        message: `Received ${total} webhook change${total === 1 ? '' : 's'} with nothing to bring in (${parts.join(', ')})`,
        data: { ...t.counts, since: t.first, sample: t.sample },
      },
      deps.now().toISOString(),
    );
  }

  return {
    count(row: Pick<IntegrationRow, 'id' | 'workspaceId'>, reason: EchoReason, ref?: string) {
      let t = tallies.get(row.id);
      if (!t) {
        t = {
          workspaceId: row.workspaceId,
          counts: { own: 0, own_version: 0, roll_up: 0, duplicate: 0 },
          first: deps.now().toISOString(),
          sample: [],
        };
        tallies.set(row.id, t);
      }
      t.counts[reason] += 1;
      if (ref && t.sample.length < 5 && !t.sample.includes(ref)) t.sample.push(ref);
      const timer = timers.get(row.id);
      if (timer) timer.quiet.refresh();
      else
        timers.set(row.id, {
          quiet: setTimeout(() => write(row.id), quietMs).unref(),
          max: setTimeout(() => write(row.id), maxMs).unref(),
        });
    },
    /** Writes every pending line now (tests, shutdown). */
    async flush(): Promise<void> {
      for (const id of [...tallies.keys()]) write(id);
      await log.flush();
    },
  };
}

export type EchoTally = ReturnType<typeof createEchoTally>;
