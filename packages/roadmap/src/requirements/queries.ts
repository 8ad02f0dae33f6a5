import type { Requirement } from '@tandem/contracts';
import { decodeRow } from '../events/record-tables.ts';
import type { RequirementRow } from '../events/rows.ts';
import type { Reader } from '../store.ts';

export const toRequirement = (r: RequirementRow): Requirement => ({
  id: r.id,
  featureId: r.feature_id,
  workspaceId: r.workspace_id,
  referenceNum: r.reference_num,
  name: r.name,
  descriptionHtml: r.description_html,
  statusId: r.status_id,
  assigneeId: r.assignee_id,
  customFields: r.custom_fields,
  rank: r.rank,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listRequirementRows(
  db: Reader,
  featureId: string,
): Promise<RequirementRow[]> {
  const rows = await db
    .selectFrom('requirements')
    .selectAll()
    .where('feature_id', '=', featureId)
    .orderBy('rank')
    .orderBy('id')
    .execute();
  return rows.map((r) => decodeRow<RequirementRow>('requirements', r));
}

export async function listRequirements(db: Reader, featureId: string): Promise<Requirement[]> {
  return (await listRequirementRows(db, featureId)).map(toRequirement);
}
