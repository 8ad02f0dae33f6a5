import { randomUUID } from 'node:crypto';
import { type RemoteChange, RemoteError, type WebhookDelivery } from '@tandem/connector-kit';
import { isActiveIntegration } from '@tandem/contracts';
import {
  type Database,
  type IntegrationRow,
  integrationLogRepository,
  integrationsRepository,
  readJson,
  type Transact,
} from '@tandem/storage';
import type { ExpressionBuilder } from 'kysely';
import type { RunnerDeps } from '../runner-deps.ts';
import { loadEffective } from '../runtime/effective-integration.ts';
import { coalesceChanges, isOwnEcho } from './echo-filter.ts';
import { createEchoTally } from './echo-tally.ts';
import { applyQueuedChange, remoteSelfOf } from './incoming-webhook.ts';
import { verifiedDelivery } from './webhook-delivery.ts';

/** What the host answers the remote: acknowledged (queued or let go), or why not. */
export type AcceptResult =
  | { kind: 'refused' }
  | { kind: 'inactive'; state: string }
  | { kind: 'malformed'; message: string }
  | { kind: 'accepted'; accepted: number; queued: number; echoes: number; duplicates: number };

export type DeliveryInboxOptions = {
  /** Queued changes taken per batch (coalesced per record before they are applied). */
  batchSize?: number;
  /** Records applied at once within a batch (each may read the remote). */
  parallel?: number;
  /** How the acknowledging write is committed (the sync runner's group commit on SQLite). */
  transact?: Transact;
  /** A change that keeps failing is given up after this many attempts (the poll finds it). */
  maxAttempts?: number;
  /** Tandem's own remote user is looked up again after this long (credentials may change). */
  selfTtlMs?: number;
};

const LEASE_MS = 60_000;
const SELF_TTL_MS = 5_000;

/**
 * Webhook deliveries, acknowledged fast and applied from a durable queue (decision 028).
 *
 * `accept` runs in the request: the secret is checked first (a refused delivery writes nothing
 * and decrypts nothing), then the body is parsed; a change made by Tandem's own remote user is
 * an echo, counted and let go without a write; the others are deduplicated by change id and
 * queued in one transaction, and only then acknowledged. The applier takes the queue in
 * batches, coalesces the changes of one record into one, and applies each as before (a
 * deletion confirmed by reading, the workspace boundary of `linkedRecordOf`); a queued change
 * stays until applied, so a crash after the acknowledgement loses nothing.
 */
export function createDeliveryInbox(deps: RunnerDeps, options: DeliveryInboxOptions = {}) {
  const db = deps.database.db;
  const batchSize = options.batchSize ?? 500;
  const parallel = options.parallel ?? 12;
  const maxAttempts = options.maxAttempts ?? 8;
  const selfTtlMs = options.selfTtlMs ?? SELF_TTL_MS;
  const transact: Transact =
    options.transact ?? deps.sync.deps.transact ?? ((work) => db.transaction().execute(work));
  const tally = createEchoTally(deps);
  const selves = new Map<string, { version: number; at: number; self: string | null }>();
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  /** Tandem's remote user for this integration (cached per row version, for a few seconds). */
  async function selfOf(row: IntegrationRow): Promise<string | null> {
    const at = deps.now().getTime();
    const cached = selves.get(row.id);
    if (cached && cached.version === row.version && at - cached.at < selfTtlMs) return cached.self;
    let self: string | null = null;
    try {
      const effective = await loadEffective(db, deps.secrets, row);
      self = remoteSelfOf({ effective } as Parameters<typeof remoteSelfOf>[0]);
    } catch {
      self = null;
    }
    selves.set(row.id, { version: row.version, at, self });
    return self;
  }

  const logLine = (row: IntegrationRow, level: 'info' | 'warn' | 'error', message: string) =>
    integrationLogRepository(db).append(
      { integrationId: row.id, workspaceId: row.workspaceId, level, event: 'webhook', message },
      deps.now().toISOString(),
    );

  async function accept(row: IntegrationRow, delivery: WebhookDelivery): Promise<AcceptResult> {
    if (!verifiedDelivery(deps, row, delivery)) return { kind: 'refused' };
    if (!isActiveIntegration(row.state)) {
      // Not taken, and not acknowledged: a remote that retries may deliver it once re-enabled.
      const state = row.state.replaceAll('_', ' ');
      await logLine(row, 'info', `Received a webhook delivery while ${state}; not taken`);
      return { kind: 'inactive', state };
    }
    let changes: RemoteChange[];
    try {
      changes = deps.connectors.connectorFor(row.system).parseDelivery(delivery.body);
    } catch (error) {
      const message = RemoteError.is(error) ? error.message : 'The delivery could not be read';
      await logLine(row, 'warn', `Refused a webhook delivery: ${message}`);
      return { kind: 'malformed', message };
    }
    const self = await selfOf(row);
    const rest: RemoteChange[] = [];
    for (const change of changes) {
      if (isOwnEcho(change, self)) tally.count(row, 'own', `${change.ref.type} ${change.ref.id}`);
      else rest.push(change);
    }
    let queued = 0;
    if (rest.length > 0) {
      const at = deps.now().toISOString();
      queued = await transact(async (trx) => {
        let n = 0;
        for (const change of rest) {
          const inserted = await trx
            .insertInto('webhook_deliveries')
            .values({ integration_id: row.id, change_id: change.changeId, received_at: at })
            .onConflict((oc) => oc.columns(['integration_id', 'change_id']).doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
          await trx
            .insertInto('webhook_inbox')
            .values({
              integration_id: row.id,
              record_key: `${change.ref.type}:${change.ref.id}`,
              change: JSON.stringify(change),
              received_at: at,
              not_before: at,
            })
            .execute();
          n += 1;
        }
        return n;
      });
      for (let i = queued; i < rest.length; i++) tally.count(row, 'duplicate');
      if (queued > 0) wake();
    }
    return {
      kind: 'accepted',
      accepted: changes.length,
      queued,
      echoes: changes.length - rest.length,
      duplicates: rest.length - queued,
    };
  }

  type Queued = { id: number; integrationId: string; recordKey: string; attempts: number };

  /** Takes up to a batch of due changes under a lease of this applier. */
  async function take(): Promise<(Queued & { change: RemoteChange })[]> {
    const now = deps.now();
    const at = now.toISOString();
    const lease = randomUUID();
    const free = (eb: ExpressionBuilder<Database, 'webhook_inbox'>) =>
      eb.or([eb('leased_until', 'is', null), eb('leased_until', '<', at)]);
    await db
      .updateTable('webhook_inbox')
      .set({ lease, leased_until: new Date(now.getTime() + LEASE_MS).toISOString() })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('webhook_inbox')
          .select('id')
          .where('not_before', '<=', at)
          .where(free)
          .orderBy('id')
          .limit(batchSize),
      )
      .where(free)
      .execute();
    const rows = await db
      .selectFrom('webhook_inbox')
      .select(['id', 'integration_id', 'record_key', 'attempts', 'change'])
      .where('lease', '=', lease)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      integrationId: r.integration_id,
      recordKey: r.record_key,
      attempts: Number(r.attempts),
      change: readJson<RemoteChange>(r.change),
    }));
  }

  async function done(ids: number[]): Promise<void> {
    if (ids.length > 0) await db.deleteFrom('webhook_inbox').where('id', 'in', ids).execute();
  }

  async function failed(row: IntegrationRow, group: Queued[], error: unknown): Promise<void> {
    const attempts = Math.max(...group.map((q) => q.attempts)) + 1;
    const what = group[0]!.recordKey.replace(':', ' ');
    const reason = error instanceof Error ? error.message : String(error);
    if (attempts >= maxAttempts) {
      await logLine(
        row,
        'error',
        `Could not apply a webhook change for ${what} after ${attempts} attempts (${reason}); given up, the next poll of the remote brings it in`,
      );
      await done(group.map((q) => q.id));
      return;
    }
    await logLine(row, 'warn', `Could not apply a webhook change for ${what}: ${reason}; retried`);
    const delayMs = Math.min(300_000, 1_000 * 2 ** attempts);
    await db
      .updateTable('webhook_inbox')
      .set({
        attempts,
        lease: null,
        leased_until: null,
        not_before: new Date(deps.now().getTime() + delayMs).toISOString(),
      })
      .where(
        'id',
        'in',
        group.map((q) => q.id),
      )
      .execute();
  }

  /** One batch: per integration, per record, the changes coalesced and applied once. */
  async function applyBatch(): Promise<number> {
    const taken = await take();
    if (taken.length === 0) return 0;
    const byIntegration = new Map<string, Map<string, (Queued & { change: RemoteChange })[]>>();
    for (const q of taken) {
      let records = byIntegration.get(q.integrationId);
      if (!records) {
        records = new Map();
        byIntegration.set(q.integrationId, records);
      }
      const group = records.get(q.recordKey);
      if (group) group.push(q);
      else records.set(q.recordKey, [q]);
    }
    for (const [integrationId, records] of byIntegration) {
      const all = [...records.values()].flat();
      const row = await integrationsRepository(db).find(integrationId);
      if (!row || !isActiveIntegration(row.state)) {
        if (row) await logLine(row, 'info', `${all.length} webhook changes dropped: ${row.state}`);
        await done(all.map((q) => q.id));
        continue;
      }
      let connection: Awaited<ReturnType<typeof deps.sync.gateway.connect>>;
      try {
        connection = await deps.sync.gateway.connect(row);
      } catch {
        await logLine(
          row,
          'warn',
          `${all.length} webhook changes not applied: the integration is not connected`,
        );
        await done(all.map((q) => q.id));
        continue;
      }
      const groups = [...records.values()];
      let next = 0;
      const worker = async () => {
        while (next < groups.length) {
          const group = groups[next++]!;
          const change = coalesceChanges(group.map((q) => q.change));
          try {
            await applyQueuedChange(deps, row, connection, change, tally);
            await done(group.map((q) => q.id));
          } catch (error) {
            await failed(row, group, error).catch(() => {});
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(parallel, groups.length) }, worker));
      // Anything received locks the account URL (the records now point at that account).
      const at = deps.now().toISOString();
      await integrationsRepository(db).update(row.id, {
        lastSyncAt: at,
        ...(row.accountLockedAt ? {} : { accountLockedAt: at }),
      });
    }
    return taken.length;
  }

  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          while ((await applyBatch()) > 0 && !stopped) {}
        } while (again && !stopped);
      } catch (error) {
        deps.logger.error({ err: error }, 'webhook inbox: a batch failed');
      } finally {
        running = null;
      }
    })();
  }

  return {
    accept,
    /** Applies what an earlier run left queued, and retries due changes every few seconds. */
    start(intervalMs = 5_000): void {
      stopped = false;
      wake();
      timer ??= setInterval(wake, intervalMs).unref();
    },
    /** Stops applying (deliveries are still acknowledged into the queue) until `start`. */
    pause(): void {
      stopped = true;
    },
    /** Resolves once nothing queued is due (tests; a caller that waits for deliveries). */
    async drained(): Promise<void> {
      for (;;) {
        if (stopped) return;
        wake();
        if (running) await running;
        const due = await db
          .selectFrom('webhook_inbox')
          .select('id')
          .where('not_before', '<=', deps.now().toISOString())
          .limit(1)
          .executeTakeFirst();
        if (!due && !running) return;
      }
    },
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      timer = undefined;
      if (running) await running;
      await tally.flush();
    },
    /** Writes the pending aggregated lines now. */
    flushLog: () => tally.flush(),
  };
}

export type DeliveryInbox = ReturnType<typeof createDeliveryInbox>;
