import {
  type DryRun,
  dryRun,
  type PlannedRecord,
  type PlanStep,
  planSend,
  type SendPlan,
  type SendSelection,
} from '../../core/index.ts';
import { applyEventWithin } from './apply-event.ts';
import type { SyncDeps } from './deps.ts';
import type { IntegrationRuntime, Trx } from './ports.ts';
import { recordQueueName } from './sync-context.ts';

export type SendResult = { batchId: string; plan: SendPlan; summary: DryRun };

/**
 * Steps stored per transaction: one commit per record made a bulk send's answer wait seconds; one
 * for the whole send would hold the database while the first jobs could already run.
 */
const STEPS_PER_TRANSACTION = 100;

/**
 * Lets the event loop run between two transactions of a send. SQLite answers synchronously, so
 * without it a whole bulk send is stored in one turn of the loop: the jobs it wakes could not
 * start, and answers from the remote could not be read, until the last step was stored.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The plan for sending `selection` through one integration, without sending anything. */
export async function planSelection(
  deps: SyncDeps,
  integrationId: string,
  selection: SendSelection,
): Promise<SendPlan> {
  const runtime = await deps.integrations.runtime(integrationId);
  const peers = await deps.integrations.peers(integrationId);
  const records = await deps.roadmap.loadForSend(runtime.workspaceId, selection);
  const links = await deps.roadmap.loadLinks(
    [integrationId, ...peers.map((p) => p.id)],
    records.map((r) => r.id),
  );
  // Without the remote's schema (it is unreachable, or refuses us) the plan cannot check
  // required fields; the send still goes out and each record reports what the remote says.
  const remoteTypes = (await deps.integrations.remoteTypes?.(integrationId).catch(() => [])) ?? [];
  return planSend({ integration: runtime.config, peers, selection, records, links, remoteTypes });
}

export async function previewSend(deps: SyncDeps, integrationId: string, selection: SendSelection) {
  const plan = await planSelection(deps, integrationId, selection);
  return { plan, summary: dryRun(plan) };
}

/**
 * Sends a selection: each create or update step becomes a `send_requested` event of its record
 * (a create gets a fresh idempotency token), and link steps a `link_requested`. Steps run as
 * jobs; parents are created before their children because a child's job waits for them.
 */
export async function sendSelection(
  deps: SyncDeps,
  integrationId: string,
  selection: SendSelection,
): Promise<SendResult> {
  return sendPlan(deps, await planSelection(deps, integrationId, selection));
}

/** Sends a plan already made (and shown): one request per step, children behind parents. */
export async function sendPlan(deps: SyncDeps, plan: SendPlan): Promise<SendResult> {
  const batchId = deps.newToken();
  const createdHere = new Set(
    plan.steps.filter((s) => s.action === 'create').map((s) => s.record.id),
  );
  for (let i = 0; i < plan.steps.length; i += STEPS_PER_TRANSACTION) {
    const chunk = plan.steps.slice(i, i + STEPS_PER_TRANSACTION);
    // Resolved before the transaction: on SQLite's single connection a read inside would block.
    const runtimes = new Map<string, IntegrationRuntime>();
    for (const id of new Set(chunk.map((s) => s.record.integrationId)))
      runtimes.set(id, await deps.integrations.runtime(id));
    await deps.db.transaction().execute(async (trx) => {
      for (const step of chunk) {
        const runtime = runtimes.get(step.record.integrationId)!;
        if (step.action === 'create' && step.parent && createdHere.has(step.parent.id)) {
          await requestAfterParent(deps, trx, runtime, step, step.parent, batchId);
        } else {
          await requestStep(deps, trx, runtime, step, batchId);
        }
      }
    });
    deps.jobsAdded?.();
    if (i + STEPS_PER_TRANSACTION < plan.steps.length) await yieldToEventLoop();
  }
  return { batchId, plan, summary: dryRun(plan) };
}

/**
 * A child created under a parent that this send also creates (a requirement under its feature)
 * is created from the parent's own queue, behind the parent's create: when it runs the parent is
 * linked, so it neither waits and polls for it nor needs a job of its own to be requested.
 */
async function requestAfterParent(
  deps: SyncDeps,
  trx: Trx,
  runtime: IntegrationRuntime,
  step: Extract<PlanStep, { action: 'create' }>,
  parent: PlannedRecord,
  batchId: string,
): Promise<void> {
  await applyEventWithin(
    deps,
    trx,
    runtime,
    { kind: step.record.kind, id: step.record.id },
    { type: 'send_requested', token: deps.newToken() },
    { batchId, remoteQueueName: recordQueueName(parent.integrationId, parent) },
  );
}

async function requestStep(
  deps: SyncDeps,
  trx: Trx,
  runtime: IntegrationRuntime,
  step: PlanStep,
  batchId: string,
): Promise<void> {
  const record = { kind: step.record.kind, id: step.record.id };
  const event =
    step.action === 'link'
      ? ({
          type: 'link_requested',
          target: {
            parent: {
              kind: step.parent.kind,
              id: step.parent.id,
              integrationId: step.parent.integrationId,
            },
            remoteField: step.remoteField,
          },
        } as const)
      : ({ type: 'send_requested', token: deps.newToken() } as const);
  await applyEventWithin(deps, trx, runtime, record, event, { batchId });
}
