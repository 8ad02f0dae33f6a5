import { type Integration, integrationSchema } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from './keys';

/** Stops sending and receiving; links and settings stay, so it can be enabled again. */
export function disableIntegration(
  workspaceId: string,
  integrationId: string,
): Promise<Integration> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].disable.$post({
      param: { workspaceId, integrationId },
    }),
    integrationSchema,
  );
}

export function useDisableIntegration(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (integrationId: string) => disableIntegration(workspaceId, integrationId),
    onSuccess: (saved) => {
      queryClient.setQueryData(integrationAdminKeys.detail(workspaceId, saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: integrationAdminKeys.all(workspaceId) });
    },
  });
}
