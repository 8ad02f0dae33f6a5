import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roadmapKeys } from '@/api/roadmap/keys';
import { api } from '@/lib/api-client';

export async function deleteRelease(workspaceId: string, releaseId: string): Promise<void> {
  await api.rpc.workspaces[':workspaceId'].releases[':releaseId'].$delete({
    param: { workspaceId, releaseId },
  });
}

export function useDeleteRelease(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (releaseId: string) => deleteRelease(workspaceId, releaseId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: roadmapKeys.releases(workspaceId) }),
  });
}
