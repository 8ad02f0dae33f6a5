import type { FeatureDetail } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roadmapKeys } from '@/api/roadmap/keys';
import { api } from '@/lib/api-client';

export async function deleteAttachment(workspaceId: string, attachmentId: string): Promise<void> {
  await api.rpc.workspaces[':workspaceId'].attachments[':attachmentId'].$delete({
    param: { workspaceId, attachmentId },
  });
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
