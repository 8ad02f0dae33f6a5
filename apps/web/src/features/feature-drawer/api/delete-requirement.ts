import type { FeatureDetail } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roadmapKeys } from '@/api/roadmap/keys';
import { api } from '@/lib/api-client';

export async function deleteRequirement(workspaceId: string, requirementId: string): Promise<void> {
  await api.rpc.workspaces[':workspaceId'].requirements[':requirementId'].$delete({
    param: { workspaceId, requirementId },
  });
}

export function useDeleteRequirement(workspaceId: string, featureId: string) {
  const queryClient = useQueryClient();
  const key = roadmapKeys.featureDetail(workspaceId, featureId);
  return useMutation({
    mutationFn: (requirementId: string) => deleteRequirement(workspaceId, requirementId),
    onMutate: (requirementId) =>
      queryClient.setQueryData<FeatureDetail>(key, (detail) =>
        detail
          ? { ...detail, requirements: detail.requirements.filter((r) => r.id !== requirementId) }
          : detail,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
