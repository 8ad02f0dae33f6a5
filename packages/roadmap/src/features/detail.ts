import type { Feature, IntegrationFields, Requirement } from '@tandem/contracts';
import { type AttachmentMeta, listAttachments } from '../attachments/queries.ts';
import { NotFoundError } from '../errors.ts';
import { getIntegrationFields } from '../integration-fields/commands.ts';
import { listRequirements } from '../requirements/queries.ts';
import type { Reader } from '../store.ts';
import { findFeatureInWorkspace, toFeature } from './queries.ts';

export type FeatureDetailData = Feature & {
  requirements: Requirement[];
  attachments: AttachmentMeta[];
  integrationFields: IntegrationFields;
};

/** A feature (by id or reference number) with what the drawer shows beside it. */
export async function getFeatureDetail(
  db: Reader,
  workspaceId: string,
  idOrReference: string,
): Promise<FeatureDetailData> {
  const row = await findFeatureInWorkspace(db, workspaceId, idOrReference);
  if (!row) throw new NotFoundError('Feature');
  const [requirements, attachments, integrationFields] = await Promise.all([
    listRequirements(db, row.id),
    listAttachments(db, 'feature', row.id),
    getIntegrationFields(db, 'feature', row.id),
  ]);
  return { ...toFeature(row), requirements, attachments, integrationFields };
}
