import { type Integration, integrationSchema } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from './keys';

/** Enables a finished integration (the server checks the whole configuration first). */
export function enableIntegration(
  workspaceId: string,
  integrationId: string,
): Promise<Integration> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].enable.$post({
      param: { workspaceId, integrationId },
    }),
    integrationSchema,
  );
}

export function useEnableIntegration(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (integrationId: string) => enableIntegration(workspaceId, integrationId),
    onSuccess: (saved) => {
      queryClient.setQueryData(integrationAdminKeys.detail(workspaceId, saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: integrationAdminKeys.all(workspaceId) });
    },
  });
}
