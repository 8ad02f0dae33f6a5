import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roadmapKeys } from '@/api/roadmap/keys';
import { api } from '@/lib/api-client';

export async function deleteFeature(workspaceId: string, featureId: string): Promise<void> {
  await api.rpc.workspaces[':workspaceId'].features[':featureId'].$delete({
    param: { workspaceId, featureId },
  });
}

export function useDeleteFeature(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (featureId: string) => deleteFeature(workspaceId, featureId),
    onSuccess: (_, featureId) => {
      queryClient.removeQueries({ queryKey: roadmapKeys.featureDetail(workspaceId, featureId) });
      return queryClient.invalidateQueries({ queryKey: roadmapKeys.featureLists(workspaceId) });
    },
  });
}
