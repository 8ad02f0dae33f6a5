import type {
  createRequirementRequestSchema,
  Requirement,
  updateRequirementRequestSchema,
} from '@tandem/contracts';
import type { z } from 'zod';
import { removeAttachmentsOf } from '../attachments/commands.ts';
import type { ActionContext } from '../context.ts';
import { Issues, NotFoundError, StaleVersionError } from '../errors.ts';
import type { RequirementRow } from '../events/rows.ts';
import { newId, runWrite, type WriteTx } from '../events/write.ts';
import { checkCustomFields, checkReferences } from '../features/check.ts';
import { sanitizeRichText } from '../html/sanitize.ts';
import { removeIntegrationFieldsOf } from '../integration-fields/commands.ts';
import type { Store } from '../store.ts';
import { defaultStatusId } from '../workflows/ensure.ts';
import { newRequirementPlace } from './placement.ts';
import { listRequirementRows, toRequirement } from './queries.ts';

export type CreateRequirementInput = z.output<typeof createRequirementRequestSchema>;
export type UpdateRequirementInput = z.output<typeof updateRequirementRequestSchema>;

async function loadInWorkspace(
  tx: WriteTx,
  workspaceId: string,
  id: string,
): Promise<RequirementRow> {
  const row = await tx.load('requirements', id);
  if (!row || row.workspace_id !== workspaceId) throw new NotFoundError('Requirement');
  return row;
}

export function createRequirement(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  featureId: string,
  input: CreateRequirementInput,
): Promise<Requirement> {
  return runWrite(store, ctx, async (tx) => {
    const db = tx.read.db;
    const feature = await tx.load('features', featureId);
    if (!feature || feature.workspace_id !== workspaceId) throw new NotFoundError('Feature');
    const issues = new Issues();
    const statusId = input.statusId ?? (await defaultStatusId(tx, workspaceId, 'requirement'));
    const scope = { workspaceId, recordType: 'requirement' as const, actorId: ctx.actorId };
    await checkReferences(db, scope, { statusId, assigneeId: input.assigneeId }, issues);
    const customFields = await checkCustomFields(
      db,
      workspaceId,
      'requirement',
      {},
      input.customFields,
      issues,
    );
    issues.throwIfAny();

    const place = await newRequirementPlace(tx, feature);
    const row = await tx.create('requirements', {
      id: newId(),
      workspace_id: workspaceId,
      feature_id: featureId,
      reference_num: place.reference_num,
      name: input.name,
      description_html: sanitizeRichText(input.descriptionHtml),
      status_id: statusId,
      assignee_id: input.assigneeId ?? null,
      custom_fields: customFields,
      rank: place.rank,
    });
    return toRequirement(row);
  });
}

export function updateRequirement(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  id: string,
  input: UpdateRequirementInput,
): Promise<Requirement> {
  return runWrite(store, ctx, async (tx) => {
    const db = tx.read.db;
    const before = await loadInWorkspace(tx, workspaceId, id);
    if (before.version !== input.version) throw new StaleVersionError(toRequirement(before));
    const issues = new Issues();
    const scope = { workspaceId, recordType: 'requirement' as const, actorId: ctx.actorId };
    await checkReferences(db, scope, input, issues);
    const customFields = await checkCustomFields(
      db,
      workspaceId,
      'requirement',
      before.custom_fields,
      input.customFields ?? {},
      issues,
    );
    issues.throwIfAny();
    const row = await tx.update('requirements', before, {
      name: input.name,
      description_html:
        input.descriptionHtml === undefined ? undefined : sanitizeRichText(input.descriptionHtml),
      status_id: input.statusId,
      assignee_id: input.assigneeId,
      custom_fields: customFields,
      rank: input.rank,
    });
    return toRequirement(row);
  });
}

async function removeRequirement(tx: WriteTx, row: RequirementRow): Promise<void> {
  await removeAttachmentsOf(tx, 'requirement', row.id);
  await removeIntegrationFieldsOf(tx, 'requirement', row.id);
  await tx.remove('requirements', row);
}

export function deleteRequirement(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  id: string,
): Promise<void> {
  return runWrite(store, ctx, async (tx) =>
    removeRequirement(tx, await loadInWorkspace(tx, workspaceId, id)),
  );
}

/** Part of deleting a feature: each requirement goes with its own event. */
export async function removeRequirementsOf(tx: WriteTx, featureId: string): Promise<void> {
  for (const row of await listRequirementRows(tx.read.db, featureId)) {
    await removeRequirement(tx, row);
  }
}
