import { NotFoundError, ValidationError } from '../errors.ts';
import type { FeatureRow, RequirementRow } from '../events/rows.ts';
import { newId, type WriteTx } from '../events/write.ts';
import { newFeaturePlace } from '../features/placement.ts';
import { newRequirementPlace } from '../requirements/placement.ts';
import { defaultStatusId } from '../workflows/ensure.ts';
import { checkRemoteValues, type RefusedValue, type RemoteValues } from './values.ts';

/**
 * A feature made from a remote record (an import), last in its workspace's order. Values the
 * roadmap cannot hold are left out and reported; a status it cannot hold gives the workflow's
 * first status. The release must be one of the workspace's (the caller picks the parking lot when
 * the remote release is not linked).
 */
export async function importFeature(
  tx: WriteTx,
  workspaceId: string,
  values: RemoteValues & { name: string; releaseId: string },
): Promise<{ row: FeatureRow; refused: RefusedValue[] }> {
  const db = tx.read.db;
  const { accepted: v, refused } = await checkRemoteValues(db, workspaceId, 'feature', values);
  if (!v.releaseId)
    throw new ValidationError([
      { path: 'releaseId', message: 'The release is not in this workspace' },
    ]);
  const place = await newFeaturePlace(tx, workspaceId);
  const row = await tx.create('features', {
    id: newId(),
    workspace_id: workspaceId,
    reference_num: place.reference_num,
    name: v.name ?? 'Untitled',
    description_html: v.descriptionHtml ?? '',
    status_id: v.statusId ?? (await defaultStatusId(tx, workspaceId, 'feature')),
    release_id: v.releaseId,
    initiative_id: v.initiativeId ?? null,
    assignee_id: null,
    tags: v.tags ? [...v.tags] : [],
    score: v.score ?? null,
    custom_fields: v.customFields ?? {},
    rank: place.rank,
  });
  return { row, refused };
}

/** A requirement made from a remote record under `featureId`, last among its siblings. */
export async function importRequirement(
  tx: WriteTx,
  workspaceId: string,
  featureId: string,
  values: RemoteValues & { name: string },
): Promise<{ row: RequirementRow; refused: RefusedValue[] }> {
  const db = tx.read.db;
  const feature = await tx.load('features', featureId);
  if (!feature || feature.workspace_id !== workspaceId) throw new NotFoundError('Feature');
  const { featureId: _parent, ...rest } = values;
  const { accepted: v, refused } = await checkRemoteValues(db, workspaceId, 'requirement', rest);
  const place = await newRequirementPlace(tx, feature);
  const row = await tx.create('requirements', {
    id: newId(),
    workspace_id: workspaceId,
    feature_id: featureId,
    reference_num: place.reference_num,
    name: v.name ?? 'Untitled',
    description_html: v.descriptionHtml ?? '',
    status_id: v.statusId ?? (await defaultStatusId(tx, workspaceId, 'requirement')),
    assignee_id: null,
    custom_fields: v.customFields ?? {},
    rank: place.rank,
  });
  return { row, refused };
}
