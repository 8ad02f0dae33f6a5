import type { FeatureDetail } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roadmapKeys, workspacePath } from '@/api/roadmap/keys';
import { api } from '@/lib/api-client';

export function deleteAttachment(workspaceId: string, attachmentId: string): Promise<void> {
  return api.delete(
    `${workspacePath(workspaceId)}/attachments/${encodeURIComponent(attachmentId)}`,
  );
}

export function useDeleteAttachment(workspaceId: string, featureId: string) {
  const queryClient = useQueryClient();
  const key = roadmapKeys.featureDetail(workspaceId, featureId);
  return useMutation({
    mutationFn: (attachmentId: string) => deleteAttachment(workspaceId, attachmentId),
    onMutate: (attachmentId) =>
      queryClient.setQueryData<FeatureDetail>(key, (detail) =>
        detail
          ? { ...detail, attachments: detail.attachments.filter((a) => a.id !== attachmentId) }
          : detail,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
