import { type Feature, featureSchema, type UpdateFeatureRequest } from '@tandem/contracts';
import { api } from '@/lib/api-client';
import { featurePath } from './get-feature';

/** `PATCH` with the version the edits are based on; a stale one answers 409 with the current. */
export function updateFeature(
  workspaceId: string,
  featureId: string,
  body: UpdateFeatureRequest,
): Promise<Feature> {
  return api.patch(featurePath(workspaceId, featureId), body, featureSchema);
}
