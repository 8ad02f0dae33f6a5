import { integrationLogRepository, type LogLevel, type NewLogEntry } from '@tandem/storage';
import {
  type Decision,
  decide,
  type IntegrationConfig,
  type RecordRef,
  recordMappingFor,
  type SyncEffect,
  type SyncEvent,
  type SyncSnapshot,
  snapshotAfterSend,
} from '../../core/index.ts';
import type { SyncDeps } from './deps.ts';
import { recordIntegrationOutcome } from './integration-health.ts';
import type { IntegrationRuntime, Trx } from './ports.ts';
import { loadSyncState, saveSyncState } from './record-syncs.ts';
import { recordQueueName, syncContextFor } from './sync-context.ts';

export const REMOTE_EFFECT_TASK = 'sync.remote-effect';
export const DELIVER_EVENT_TASK = 'sync.deliver-event';

export type RemoteEffect = Extract<
  SyncEffect,
  { type: 'createRemote' | 'lookupByToken' | 'updateRemote' | 'linkChild' }
>;

export type RemoteEffectPayload = {
  integrationId: string;
  record: RecordRef;
  effect: RemoteEffect;
};
export type DeliverEventPayload = {
  integrationId: string;
  record: RecordRef;
  event: SyncEvent;
  batchId?: string;
};

/** What the caller learnt alongside the event, stored with the link (the synced snapshot). */
export type EventExtras = {
  snapshot?: SyncSnapshot | null;
  batchId?: string;
  /** More work to commit with this event (the job that delivered it completing). */
  within?: (trx: Trx) => Promise<void>;
  /**
   * The queue for the remote calls this event starts, instead of the record's own: a child
   * sent with its parent creates from the parent's queue, behind the parent's create.
   */
  remoteQueueName?: string;
  /** The runtime the event's remote call was made with (a job's answer), instead of looking it up again. */
  runtime?: IntegrationRuntime;
};

const LEVEL: Record<'info' | 'warning' | 'error', LogLevel> = {
  info: 'info',
  warning: 'warn',
  error: 'error',
};

/**
 * Feeds one event to `decide` and stores the outcome atomically: the new state, the local effects
 * (link fields, local changes, log lines) and jobs for the remote effects, in one transaction.
 * A crash before the commit loses nothing (the event's job is retried); after it, the jobs run.
 */
export async function applyEvent(
  deps: SyncDeps,
  integrationId: string,
  record: RecordRef,
  event: SyncEvent,
  extras: EventExtras = {},
): Promise<Decision> {
  // Outside the transaction: on SQLite's single connection a read from inside would wait forever.
  const runtime = extras.runtime ?? (await deps.integrations.runtime(integrationId));
  const work = (trx: Trx) => applyEventWithin(deps, trx, runtime, record, event, extras);
  const decision = await (deps.transact
    ? deps.transact(work)
    : deps.db.transaction().execute(work));
  if (queuesJobs(decision)) deps.jobsAdded?.();
  return decision;
}

/**
 * As `applyEvent`, inside the caller's transaction (a send stores many records' requests in one),
 * with the integration's runtime resolved before it opened. The caller wakes the worker
 * (`deps.jobsAdded`) after its commit.
 */
export async function applyEventWithin(
  deps: SyncDeps,
  trx: Trx,
  runtime: Pick<IntegrationRuntime, 'config' | 'workspaceId'>,
  record: RecordRef,
  event: SyncEvent,
  extras: EventExtras = {},
): Promise<Decision> {
  const integrationId = runtime.config.id;
  const context = syncContextFor(runtime.config, record);
  const now = deps.now();
  const state = await loadSyncState(trx, integrationId, record);
  const decision = decide({ context, state }, event, now);
  await saveSyncState(trx, integrationId, record, decision.state.state, now);
  const logs: NewLogEntry[] = [];
  for (const effect of decision.effects) {
    await stage(deps, trx, {
      integrationId,
      config: runtime.config,
      workspaceId: runtime.workspaceId,
      record,
      effect,
      extras,
      now,
      logs,
    });
  }
  const at = now.toISOString();
  await integrationLogRepository(trx).appendMany(logs.map((entry) => ({ entry, at })));
  await extras.within?.(trx);
  return decision;
}

export function queuesJobs(decision: Decision): boolean {
  return decision.effects.some((e) => QUEUED_EFFECTS.has(e.type));
}

const QUEUED_EFFECTS = new Set<SyncEffect['type']>([
  'createRemote',
  'lookupByToken',
  'updateRemote',
  'linkChild',
  'scheduleAt',
]);

async function stage(
  deps: SyncDeps,
  trx: Trx,
  s: {
    integrationId: string;
    config: IntegrationConfig;
    workspaceId: string;
    record: RecordRef;
    effect: SyncEffect;
    extras: EventExtras;
    now: Date;
    /** Log lines, written together once every effect is staged. */
    logs: NewLogEntry[];
  },
): Promise<void> {
  const { integrationId, record, effect } = s;
  const queueName = recordQueueName(integrationId, record);
  const log = (level: LogLevel, event: string, message: string, data?: unknown) => {
    s.logs.push({
      integrationId,
      workspaceId: s.workspaceId,
      recordType: record.kind,
      recordId: record.id,
      level,
      event,
      message,
      data: s.extras.batchId ? { batchId: s.extras.batchId, ...(data as object) } : data,
    });
  };

  switch (effect.type) {
    case 'createRemote':
    case 'lookupByToken':
    case 'updateRemote':
    case 'linkChild': {
      const payload: RemoteEffectPayload = { integrationId, record, effect };
      await deps.queue.addWithin(trx, {
        task: REMOTE_EFFECT_TASK,
        payload,
        queueName: s.extras.remoteQueueName ?? queueName,
        maxAttempts: 25,
      });
      return;
    }
    case 'scheduleAt': {
      const payload: DeliverEventPayload = { integrationId, record, event: effect.event };
      await deps.queue.addWithin(trx, {
        task: DELIVER_EVENT_TASK,
        payload,
        queueName,
        runAt: new Date(effect.at),
        jobKey: effect.jobKey,
        jobKeyMode: effect.mode === 'replace' ? 'replace' : 'preserve_run_at',
      });
      return;
    }
    case 'saveLink':
      await deps.roadmap.saveLink(
        trx,
        integrationId,
        record,
        effect.remote,
        s.extras.snapshot ?? null,
      );
      return;
    case 'clearLink':
      await deps.roadmap.clearLink(trx, integrationId, record);
      return;
    case 'saveSnapshot': {
      const fresh = s.extras.snapshot;
      const mapping = recordMappingFor(s.config, record.kind);
      if (fresh && mapping)
        await deps.roadmap.saveSnapshot(trx, integrationId, record, (stored) =>
          snapshotAfterSend(stored, fresh, mapping, effect.fields),
        );
      return;
    }
    case 'applyLocal':
      await deps.roadmap.applyLocal(
        trx,
        { id: integrationId, workspaceId: s.workspaceId },
        record,
        effect.fields,
      );
      return;
    case 'requestApproval':
      await log('info', 'approval', `Waiting for approval: ${effect.fields.join(', ')}`, {
        fields: effect.fields,
      });
      return;
    case 'log':
      await log(LEVEL[effect.level], 'sync', effect.message);
      return;
    case 'notify':
      await log(effect.kind === 'send_failed' ? 'error' : 'info', effect.kind, effect.message);
      if (effect.kind === 'send_failed' || effect.kind === 'linked') {
        await recordIntegrationOutcome(
          trx,
          integrationId,
          effect.kind === 'linked' ? { ok: true } : { ok: false, message: effect.message },
          s.now,
        );
      }
      return;
  }
}
