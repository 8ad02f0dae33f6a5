import type {
  createInitiativeRequestSchema,
  Initiative,
  updateInitiativeRequestSchema,
} from '@tandem/contracts';
import type { z } from 'zod';
import type { ActionContext } from '../context.ts';
import { Issues, NotFoundError, StaleVersionError } from '../errors.ts';
import type { InitiativeRow } from '../events/rows.ts';
import { newId, runWrite, type WriteTx } from '../events/write.ts';
import { sanitizeRichText } from '../html/sanitize.ts';
import { removeIntegrationFieldsOf } from '../integration-fields/commands.ts';
import type { Store } from '../store.ts';
import { defaultStatusId } from '../workflows/ensure.ts';
import { isStatusOf } from '../workflows/queries.ts';
import { workspaceKey } from '../workspaces.ts';
import { toInitiative } from './queries.ts';

export type CreateInitiativeInput = z.output<typeof createInitiativeRequestSchema>;
export type UpdateInitiativeInput = z.output<typeof updateInitiativeRequestSchema>;

async function loadInWorkspace(
  tx: WriteTx,
  workspaceId: string,
  id: string,
): Promise<InitiativeRow> {
  const row = await tx.load('initiatives', id);
  if (!row || row.workspace_id !== workspaceId) throw new NotFoundError('Initiative');
  return row;
}

async function checkStatus(tx: WriteTx, workspaceId: string, statusId: string, issues: Issues) {
  if (!(await isStatusOf(tx.read.db, workspaceId, 'initiative', statusId))) {
    issues.add('statusId', 'This status is not part of the initiative workflow of this workspace');
  }
}

export function createInitiative(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  input: CreateInitiativeInput,
): Promise<Initiative> {
  return runWrite(store, ctx, async (tx) => {
    const issues = new Issues();
    const statusId = input.statusId ?? (await defaultStatusId(tx, workspaceId, 'initiative'));
    await checkStatus(tx, workspaceId, statusId, issues);
    issues.throwIfAny();
    const key = await workspaceKey(tx.read.db, workspaceId);
    const number = await tx.nextNumber(`initiative:${workspaceId}`);
    const row = await tx.create('initiatives', {
      id: newId(),
      workspace_id: workspaceId,
      reference_num: `${key}-I-${number}`,
      name: input.name,
      description_html: sanitizeRichText(input.descriptionHtml),
      status_id: statusId,
    });
    return toInitiative(row);
  });
}

export function updateInitiative(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  id: string,
  input: UpdateInitiativeInput,
): Promise<Initiative> {
  return runWrite(store, ctx, async (tx) => {
    const before = await loadInWorkspace(tx, workspaceId, id);
    if (before.version !== input.version) throw new StaleVersionError(toInitiative(before));
    const issues = new Issues();
    if (input.statusId) await checkStatus(tx, workspaceId, input.statusId, issues);
    issues.throwIfAny();
    const row = await tx.update('initiatives', before, {
      name: input.name,
      description_html:
        input.descriptionHtml === undefined ? undefined : sanitizeRichText(input.descriptionHtml),
      status_id: input.statusId,
    });
    return toInitiative(row);
  });
}

/** Features linked to it (in any workspace) lose the link, each with its own event. */
export function deleteInitiative(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  id: string,
): Promise<void> {
  return runWrite(store, ctx, async (tx) => {
    const before = await loadInWorkspace(tx, workspaceId, id);
    const linked = await tx.read.db
      .selectFrom('features')
      .select('id')
      .where('initiative_id', '=', id)
      .execute();
    for (const { id: featureId } of linked) {
      const feature = await tx.load('features', featureId);
      if (feature) await tx.update('features', feature, { initiative_id: null });
    }
    await removeIntegrationFieldsOf(tx, 'initiative', id);
    await tx.remove('initiatives', before);
  });
}
