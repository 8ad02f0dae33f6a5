import { type CreateFeatureRequest, type Feature, featureSchema } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roadmapKeys } from '@/api/roadmap/keys';
import { api } from '@/lib/api-client';

export function createFeature(workspaceId: string, body: CreateFeatureRequest): Promise<Feature> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].features.$post({ param: { workspaceId }, json: body }),
    featureSchema,
  );
}

export function useCreateFeature(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFeatureRequest) => createFeature(workspaceId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roadmapKeys.features(workspaceId) }),
  });
}
