import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from './keys';

/** Deletes the integration; the roadmap records and their logs stay. */
export async function deleteIntegration(workspaceId: string, integrationId: string): Promise<void> {
  await api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].$delete({
    param: { workspaceId, integrationId },
  });
}

export function useDeleteIntegration(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (integrationId: string) => deleteIntegration(workspaceId, integrationId),
    onSuccess: (_, integrationId) => {
      queryClient.removeQueries({
        queryKey: integrationAdminKeys.detail(workspaceId, integrationId),
      });
      return queryClient.invalidateQueries({ queryKey: integrationAdminKeys.all(workspaceId) });
    },
  });
}
