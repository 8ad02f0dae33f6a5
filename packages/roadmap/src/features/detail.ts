import type { Feature, Requirement } from '@tandem/contracts';
import { type AttachmentMeta, listAttachments } from '../attachments/queries.ts';
import { NotFoundError } from '../errors.ts';
import { listRequirements } from '../requirements/queries.ts';
import type { Reader } from '../store.ts';
import { findFeature, toFeature } from './queries.ts';

export type FeatureDetailData = Feature & {
  requirements: Requirement[];
  attachments: AttachmentMeta[];
};

/** A feature with what the drawer shows beside it. */
export async function getFeatureDetail(
  db: Reader,
  workspaceId: string,
  id: string,
): Promise<FeatureDetailData> {
  const row = await findFeature(db, id);
  if (!row || row.workspace_id !== workspaceId) throw new NotFoundError('Feature');
  const [requirements, attachments] = await Promise.all([
    listRequirements(db, id),
    listAttachments(db, 'feature', id),
  ]);
  return { ...toFeature(row), requirements, attachments };
}
