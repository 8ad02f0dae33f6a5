import { isActiveIntegration } from '@tandem/contracts';
import {
  type IntegrationRow,
  integrationLogRepository,
  integrationsRepository,
} from '@tandem/storage';
import { pollRemoteChanges } from '../incoming/incoming-poll.ts';
import { incomingSchedule } from '../incoming/incoming-schedule.ts';
import type { RunnerDeps } from '../runner-deps.ts';

type Deps = RunnerDeps;

/** How often the poller looks for integrations whose next poll is due. */
const TICK_MS = 5_000;

export type RemotePoller = { start(): void; stop(): Promise<void> };

/**
 * Polls each enabled integration's remote when it is due: every `POLL_SECONDS` when webhooks
 * could not be registered, every `POLL_SAFETY_NET_SECONDS` when they were (for deliveries that
 * never arrived). A failed poll is logged once per distinct error and tried again at the next
 * due time; it never stops the others.
 */
export function createRemotePoller(deps: Deps, options: { tickMs?: number } = {}): RemotePoller {
  const tickMs = options.tickMs ?? TICK_MS;
  const lastTried = new Map<string, number>();
  const lastFailure = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const intervalMs = (row: IntegrationRow) =>
    incomingSchedule(deps.settings, row).pollEverySeconds * 1000;

  const isDue = (row: IntegrationRow, now: number) => {
    const last = Math.max(row.polledAt ? Date.parse(row.polledAt) : 0, lastTried.get(row.id) ?? 0);
    return now - last >= intervalMs(row);
  };

  async function pollOne(row: IntegrationRow): Promise<void> {
    lastTried.set(row.id, deps.now().getTime());
    try {
      await pollRemoteChanges(deps, row);
      lastFailure.delete(row.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (lastFailure.get(row.id) === message) return;
      lastFailure.set(row.id, message);
      await integrationLogRepository(deps.database.db)
        .append(
          {
            integrationId: row.id,
            workspaceId: row.workspaceId,
            level: 'warn',
            event: 'poll',
            message: `Could not ask the remote for changes: ${message}; trying again in ${Math.round(intervalMs(row) / 1000)} seconds`,
          },
          deps.now().toISOString(),
        )
        .catch(() => {});
    }
  }

  async function tick(): Promise<void> {
    const now = deps.now().getTime();
    const rows = await integrationsRepository(deps.database.db).listAll();
    for (const row of rows) {
      if (isActiveIntegration(row.state) && isDue(row, now)) await pollOne(row);
    }
  }

  return {
    start() {
      let busy = false;
      timer ??= setInterval(() => {
        if (busy) return; // a slow remote: skip ticks rather than pile them up
        busy = true;
        running = tick()
          .catch((error) => deps.logger.warn({ err: error }, 'remote poller tick failed'))
          .finally(() => {
            busy = false;
          });
      }, tickMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
