import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roadmapKeys, workspacePath } from '@/api/roadmap/keys';
import { api } from '@/lib/api-client';

export function deleteRelease(workspaceId: string, releaseId: string): Promise<void> {
  return api.delete(`${workspacePath(workspaceId)}/releases/${encodeURIComponent(releaseId)}`);
}

export function useDeleteRelease(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (releaseId: string) => deleteRelease(workspaceId, releaseId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: roadmapKeys.releases(workspaceId) }),
  });
}
