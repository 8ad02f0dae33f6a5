import { isActiveIntegration } from '@tandem/contracts';
import { type DatabaseHandle, integrationsRepository, readJson } from '@tandem/storage';
import {
  integrationOrigin,
  type RecordRef,
  type RoadmapKind,
  type SyncEvent,
} from '../../core/index.ts';
import { IntegrationNotReadyError } from '../errors.ts';
import type { RunnerLogger } from '../runner-deps.ts';
import {
  applyEventWithin,
  type IntegrationRuntime,
  queuesJobs,
  recordQueueName,
  type SyncDeps,
  type Trx,
} from '../sync/index.ts';
import { ATTACHING_KINDS, SEND_ATTACHMENTS_TASK } from '../sync/send-attachments.ts';
import { changedRoadmapFields, type RowChanges, SYNCED_KINDS } from './changed-fields.ts';

export const SYNC_OUTBOX_CONSUMER = 'sync-engine';
const BATCH = 200;
/**
 * On PostgreSQL a `seq` is taken at insert and becomes visible at commit, so a lower one can
 * appear after a higher one; a gap is waited for this long before it counts as a rollback.
 */
const GAP_GRACE_MS = 10_000;

type OutboxRow = {
  seq: number;
  workspace_id: string;
  record_type: string;
  record_id: string;
  action: string;
  origin: string;
  changes: unknown;
};

type Work = { runtime: Pick<IntegrationRuntime, 'config' | 'workspaceId'>; event: SyncEvent };

/** A record's sync state was decided anew (e.g. now waiting for approval): its link chips are stale. */
export type SyncStateChanged = { workspaceId: string; record: RecordRef; integrationId: string };

class CursorMovedError extends Error {}

/**
 * Feeds the sync engine every user edit of a linked record, read from the `record_events`
 * outbox in `seq` order. The cursor moves in the same transaction as the engine's new state and
 * jobs (and only from the value this consumer read), so an edit is neither lost on a crash nor
 * sent twice, even with several processes reading.
 */
export function createOutboxConsumer(options: {
  database: DatabaseHandle;
  sync: SyncDeps;
  logger: RunnerLogger;
  pollMs?: number;
  gapGraceMs?: number;
}) {
  const { database, sync, logger } = options;
  const db = database.db;
  const pollMs = options.pollMs ?? 250;
  const gapGraceMs = options.gapGraceMs ?? GAP_GRACE_MS;
  const transact = <T>(work: (trx: Trx) => Promise<T>) =>
    sync.transact ? sync.transact(work) : db.transaction().execute(work);
  const gapsSeen = new Map<number, number>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<boolean> | undefined;
  let stopped = true;
  let onStateChanged: ((change: SyncStateChanged) => void) | undefined;

  async function readCursor(): Promise<number> {
    const row = await db
      .selectFrom('outbox_cursors')
      .select('last_seq')
      .where('consumer', '=', SYNC_OUTBOX_CONSUMER)
      .executeTakeFirst();
    if (row) return Number(row.last_seq);
    await db
      .insertInto('outbox_cursors')
      .values({ consumer: SYNC_OUTBOX_CONSUMER, last_seq: 0, updated_at: sync.now().toISOString() })
      .onConflict((oc) => oc.column('consumer').doNothing())
      .execute();
    return readCursor();
  }

  async function advance(trx: Trx, from: number, to: number): Promise<void> {
    const result = await trx
      .updateTable('outbox_cursors')
      .set({ last_seq: to, updated_at: sync.now().toISOString() })
      .where('consumer', '=', SYNC_OUTBOX_CONSUMER)
      .where('last_seq', '=', from)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new CursorMovedError();
  }

  /** The engine events one outbox row means: one per integration the record is linked to. */
  async function workFor(row: OutboxRow): Promise<Work[]> {
    const kind = row.record_type as RoadmapKind;
    if (row.action !== 'update' || !SYNCED_KINDS.has(kind)) return [];
    const fields = changedRoadmapFields(readJson<RowChanges>(row.changes) ?? {});
    if (fields.length === 0) return [];
    const links = await db
      .selectFrom('record_syncs')
      .select('integration_id')
      .where('record_id', '=', row.record_id)
      .where('record_type', '=', kind)
      .where('state_name', 'not in', ['unlinked', 'link_broken'])
      .execute();
    const work: Work[] = [];
    for (const { integration_id: integrationId } of links) {
      // The integration's own incoming change: sending it back would echo.
      if (row.origin === integrationOrigin(integrationId)) continue;
      const integration = await integrationsRepository(db).find(integrationId);
      if (!integration || !isActiveIntegration(integration.state)) continue;
      // A sync state of another workspace's integration on this record is never acted on: the
      // edit stays in its own workspace.
      if (integration.workspaceId !== row.workspace_id) {
        logger.warn(
          { integrationId, record: { kind, id: row.record_id } },
          "edit not sent: the record belongs to another workspace than the integration's",
        );
        continue;
      }
      try {
        const runtime = await sync.integrations.runtime(integrationId);
        work.push({ runtime, event: { type: 'local_changed', fields, origin: row.origin } });
      } catch (error) {
        if (!(error instanceof IntegrationNotReadyError)) throw error;
        logger.warn({ integrationId, err: error }, 'edit not sent: integration not ready');
      }
    }
    return work;
  }

  /**
   * A file added to a linked feature or requirement follows it to each integration the record is
   * linked by (not a file an integration brought in). Queued apart from the record's own changes;
   * a repeat of this row queues nothing twice (job key), and the connector skips a file already
   * there.
   */
  async function attachmentAdded(row: OutboxRow): Promise<void> {
    if (row.record_type !== 'attachment' || row.action !== 'create') return;
    const file = await db
      .selectFrom('attachments')
      .select(['record_type', 'record_id', 'workspace_id'])
      .where('id', '=', row.record_id)
      .executeTakeFirst();
    if (!file || !ATTACHING_KINDS.has(file.record_type)) return;
    const links = await db
      .selectFrom('record_syncs')
      .select('integration_id')
      .where('record_id', '=', file.record_id)
      .where('record_type', '=', file.record_type)
      .where('state_name', 'not in', ['unlinked', 'link_broken'])
      .execute();
    for (const { integration_id: integrationId } of links) {
      if (row.origin === integrationOrigin(integrationId)) continue;
      const integration = await integrationsRepository(db).find(integrationId);
      if (!integration || !isActiveIntegration(integration.state)) continue;
      if (integration.workspaceId !== file.workspace_id) continue;
      await sync.queue.add({
        task: SEND_ATTACHMENTS_TASK,
        payload: {
          integrationId,
          record: { kind: file.record_type as RoadmapKind, id: file.record_id },
          attachmentIds: [row.record_id],
        },
        queueName: recordQueueName(integrationId, {
          kind: file.record_type as RoadmapKind,
          id: file.record_id,
        }),
        jobKey: `attachment:${integrationId}:${row.record_id}`,
        jobKeyMode: 'unsafe_dedupe',
        maxAttempts: 10,
      });
      sync.jobsAdded?.();
    }
  }

  /** One batch of rows; true when it moved the cursor (there may be more). */
  async function tick(): Promise<boolean> {
    const start = await readCursor();
    const rows = (await db
      .selectFrom('record_events')
      .select(['seq', 'workspace_id', 'record_type', 'record_id', 'action', 'origin'])
      // Only an edit of a synced record is read for its changes; a link write's carry the whole
      // snapshot, and a bulk send writes thousands of them.
      .select((eb) =>
        eb
          .case()
          .when(eb.and([eb('action', '=', 'update'), eb('record_type', 'in', [...SYNCED_KINDS])]))
          .then(eb.ref('changes'))
          .else(null)
          .end()
          .as('changes'),
      )
      .where('seq', '>', start)
      .orderBy('seq')
      .limit(BATCH)
      .execute()) as OutboxRow[];
    let cursor = start;
    let skipped = start;
    for (const raw of rows) {
      const seq = Number(raw.seq);
      if (seq !== skipped + 1 && !gapTimedOut(skipped + 1)) break;
      await attachmentAdded(raw);
      const work = await workFor(raw);
      if (work.length > 0) {
        const record: RecordRef = { kind: raw.record_type as RoadmapKind, id: raw.record_id };
        const queued = await transact(async (trx) => {
          let jobs = false;
          for (const w of work)
            jobs =
              queuesJobs(await applyEventWithin(sync, trx, w.runtime, record, w.event)) || jobs;
          await advance(trx, cursor, seq);
          return jobs;
        });
        cursor = seq;
        if (queued) sync.jobsAdded?.();
        for (const w of work)
          onStateChanged?.({
            workspaceId: w.runtime.workspaceId,
            record,
            integrationId: w.runtime.config.id,
          });
      }
      skipped = seq;
    }
    if (skipped > cursor) await transact((trx) => advance(trx, cursor, skipped));
    return skipped > start;
  }

  function gapTimedOut(missing: number): boolean {
    const now = Date.now();
    const first = gapsSeen.get(missing);
    if (first === undefined) gapsSeen.set(missing, now);
    if (first !== undefined && now - first >= gapGraceMs) {
      gapsSeen.delete(missing);
      return true;
    }
    return false;
  }

  /** Ticks until a tick moves nothing; concurrent callers share the running tick. */
  async function runOnce(): Promise<boolean> {
    if (running) return running;
    running = tick()
      .catch((error: unknown) => {
        if (!(error instanceof CursorMovedError))
          logger.warn({ err: error }, 'sync outbox consumer failed; retrying');
        return false;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  function schedule(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void runOnce().then((more) => schedule(more ? 0 : pollMs));
    }, delay);
  }

  return {
    /** `onStateChanged` tells this process's browsers (a sync state writes no outbox row). */
    start(options: { onStateChanged?: (change: SyncStateChanged) => void } = {}) {
      onStateChanged = options.onStateChanged;
      stopped = false;
      schedule(0);
    },
    wake: () => schedule(0),
    /** Processes everything already in the outbox (up to a gap still within its grace). */
    async catchUp(): Promise<void> {
      while (running) await running;
      while (await runOnce()) {}
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type OutboxConsumer = ReturnType<typeof createOutboxConsumer>;
