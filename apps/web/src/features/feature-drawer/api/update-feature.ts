import { type Feature, featureSchema, type UpdateFeatureRequest } from '@tandem/contracts';
import { api } from '@/lib/api-client';

/** `PATCH` with the version the edits are based on; a stale one answers 409 with the current. */
export function updateFeature(
  workspaceId: string,
  featureId: string,
  body: UpdateFeatureRequest,
): Promise<Feature> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].features[':featureId'].$patch({
      param: { workspaceId, featureId },
      json: body,
    }),
    featureSchema,
  );
}
