import type { RecordType } from '@tandem/contracts';
import { isUniqueViolation } from '@tandem/storage';
import type { ActionContext } from '../context.ts';
import { newId, runWrite, type WriteTx } from '../events/write.ts';
import type { Store } from '../store.ts';
import { DEFAULT_WORKFLOWS } from './defaults.ts';
import { listStatuses } from './queries.ts';

/** Creates the default workflow for a record type when the workspace has none yet. */
export async function ensureWorkflow(
  tx: WriteTx,
  workspaceId: string,
  recordType: RecordType,
): Promise<void> {
  const existing = await tx.read.db
    .selectFrom('workflows')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('record_type', '=', recordType)
    .executeTakeFirst();
  if (existing) return;
  const def = DEFAULT_WORKFLOWS[recordType];
  const workflow = await tx.create('workflows', {
    id: newId(),
    workspace_id: workspaceId,
    record_type: recordType,
    name: def.name,
  });
  for (const [position, s] of def.statuses.entries()) {
    await tx.create('workflow_statuses', {
      id: newId(),
      workspace_id: workspaceId,
      workflow_id: workflow.id,
      name: s.name,
      category: s.category,
      color: s.color,
      position,
    });
  }
}

/** The first status of the record type's workflow, creating the workflow when missing. */
export async function defaultStatusId(
  tx: WriteTx,
  workspaceId: string,
  recordType: RecordType,
): Promise<string> {
  await ensureWorkflow(tx, workspaceId, recordType);
  const [first] = await listStatuses(tx.read.db, workspaceId, recordType);
  if (!first) throw new Error(`The ${recordType} workflow of ${workspaceId} has no statuses`);
  return first.id;
}

/** Every record type gets its workflow; safe to call on every start. */
export async function ensureWorkflows(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
): Promise<void> {
  const present = await store.db
    .selectFrom('workflows')
    .select('record_type')
    .where('workspace_id', '=', workspaceId)
    .execute();
  if (present.length === Object.keys(DEFAULT_WORKFLOWS).length) return;
  const create = () =>
    runWrite(store, ctx, async (tx) => {
      for (const recordType of Object.keys(DEFAULT_WORKFLOWS) as RecordType[]) {
        await ensureWorkflow(tx, workspaceId, recordType);
      }
    });
  // Two first requests may race to create them; the loser finds the winner's on a second try.
  await create().catch((error: unknown) => {
    if (isUniqueViolation(error)) return create();
    throw error;
  });
}

/**
 * The backfill for workspaces made before workflows came with the workspace (or by a path that
 * skipped them): one query when every workspace has them, run once at start.
 */
export async function ensureWorkflowsEverywhere(store: Store, ctx: ActionContext): Promise<number> {
  const complete = Object.keys(DEFAULT_WORKFLOWS).length;
  const lacking = await store.db
    .selectFrom('workspaces')
    .leftJoin('workflows', 'workflows.workspace_id', 'workspaces.id')
    .select('workspaces.id')
    .groupBy('workspaces.id')
    .having((eb) => eb.fn.count('workflows.id'), '<', complete)
    .execute();
  for (const { id } of lacking) await ensureWorkflows(store, ctx, id);
  return lacking.length;
}
