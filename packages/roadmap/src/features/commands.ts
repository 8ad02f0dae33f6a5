import type {
  createFeatureRequestSchema,
  Feature,
  updateFeatureRequestSchema,
} from '@tandem/contracts';
import type { z } from 'zod';
import { removeAttachmentsOf } from '../attachments/commands.ts';
import type { ActionContext } from '../context.ts';
import { Issues, NotFoundError, StaleVersionError } from '../errors.ts';
import type { FeatureRow } from '../events/rows.ts';
import { newId, runWrite, type WriteTx } from '../events/write.ts';
import { sanitizeRichText } from '../html/sanitize.ts';
import { removeIntegrationFieldsOf } from '../integration-fields/commands.ts';
import { removeRequirementsOf } from '../requirements/commands.ts';
import type { Store } from '../store.ts';
import { defaultStatusId } from '../workflows/ensure.ts';
import { checkCustomFields, checkReferences, normaliseTags } from './check.ts';
import { newFeaturePlace } from './placement.ts';
import { toFeature } from './queries.ts';

export type CreateFeatureInput = z.output<typeof createFeatureRequestSchema>;
export type UpdateFeatureInput = z.output<typeof updateFeatureRequestSchema>;

export async function loadFeature(
  tx: WriteTx,
  workspaceId: string,
  id: string,
): Promise<FeatureRow> {
  const row = await tx.load('features', id);
  if (!row || row.workspace_id !== workspaceId) throw new NotFoundError('Feature');
  return row;
}

export function createFeature(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  input: CreateFeatureInput,
): Promise<Feature> {
  return runWrite(store, ctx, async (tx) => {
    const db = tx.read.db;
    const issues = new Issues();
    const statusId = input.statusId ?? (await defaultStatusId(tx, workspaceId, 'feature'));
    const scope = { workspaceId, recordType: 'feature' as const, actorId: ctx.actorId };
    await checkReferences(db, scope, { ...input, statusId }, issues);
    const customFields = await checkCustomFields(
      db,
      workspaceId,
      'feature',
      {},
      input.customFields,
      issues,
    );
    issues.throwIfAny();

    const place = await newFeaturePlace(tx, workspaceId);
    const row = await tx.create('features', {
      id: newId(),
      workspace_id: workspaceId,
      reference_num: place.reference_num,
      name: input.name,
      description_html: sanitizeRichText(input.descriptionHtml),
      status_id: statusId,
      release_id: input.releaseId,
      initiative_id: input.initiativeId ?? null,
      assignee_id: input.assigneeId ?? null,
      tags: normaliseTags(input.tags),
      score: input.score ?? null,
      custom_fields: customFields,
      rank: place.rank,
    });
    return toFeature(row);
  });
}

export function updateFeature(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  id: string,
  input: UpdateFeatureInput,
): Promise<Feature> {
  return runWrite(store, ctx, async (tx) => {
    const db = tx.read.db;
    const before = await loadFeature(tx, workspaceId, id);
    if (before.version !== input.version) throw new StaleVersionError(toFeature(before));
    const issues = new Issues();
    const scope = { workspaceId, recordType: 'feature' as const, actorId: ctx.actorId };
    await checkReferences(db, scope, input, issues);
    // Required fields are checked on every edit, not only when custom fields are sent.
    const customFields = await checkCustomFields(
      db,
      workspaceId,
      'feature',
      before.custom_fields,
      input.customFields ?? {},
      issues,
    );
    issues.throwIfAny();
    const row = await tx.update('features', before, {
      name: input.name,
      description_html:
        input.descriptionHtml === undefined ? undefined : sanitizeRichText(input.descriptionHtml),
      status_id: input.statusId,
      release_id: input.releaseId,
      initiative_id: input.initiativeId,
      assignee_id: input.assigneeId,
      tags: input.tags && normaliseTags(input.tags),
      score: input.score,
      custom_fields: customFields,
    });
    return toFeature(row);
  });
}

/** Deletes the feature with its requirements, attachments and integration fields. */
export function deleteFeature(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  id: string,
): Promise<void> {
  return runWrite(store, ctx, async (tx) => {
    const before = await loadFeature(tx, workspaceId, id);
    await removeRequirementsOf(tx, id);
    await removeAttachmentsOf(tx, 'feature', id);
    await removeIntegrationFieldsOf(tx, 'feature', id);
    await tx.remove('features', before);
  });
}
