import { type Feature, featureSchema, type MoveFeatureRequest } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { writeFeatureToLists } from '@/api/roadmap/feature-cache';
import { roadmapKeys } from '@/api/roadmap/keys';
import { api } from '@/lib/api-client';

export function moveFeature(
  workspaceId: string,
  featureId: string,
  body: MoveFeatureRequest,
): Promise<Feature> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].features[':featureId'].move.$post({
      param: { workspaceId, featureId },
      json: body,
    }),
    featureSchema,
  );
}

export interface MoveFeatureVariables {
  feature: Feature;
  move: Omit<MoveFeatureRequest, 'version'>;
  /** The feature as the board shows it right after the drop (new column, a rank in between). */
  optimistic: Feature;
}

/**
 * A drop on the board: the card moves at once (optimistic), then `POST /move`. A failure puts the
 * board back as the server has it; the caller tells the user why.
 */
export function useMoveFeature(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ feature, move }: MoveFeatureVariables) =>
      moveFeature(workspaceId, feature.id, { ...move, version: feature.version }),
    onMutate: async ({ optimistic }) => {
      await queryClient.cancelQueries({ queryKey: roadmapKeys.featureLists(workspaceId) });
      writeFeatureToLists(queryClient, optimistic);
    },
    onSuccess: (saved) => {
      writeFeatureToLists(queryClient, saved);
      queryClient.setQueryData(
        roadmapKeys.featureDetail(workspaceId, saved.id),
        (detail: Feature | undefined) => (detail ? { ...detail, ...saved } : detail),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: roadmapKeys.features(workspaceId) }),
  });
}
