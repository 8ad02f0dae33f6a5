import { type Integration, integrationSchema } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from '../../../../api/keys';

/** Connects with an API key instead of OAuth; the server tries it against the account first. */
export function setApiKey(
  workspaceId: string,
  integrationId: string,
  apiKey: string,
): Promise<Integration> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].credentials['api-key'].$put({
      param: { workspaceId, integrationId },
      json: { apiKey },
    }),
    integrationSchema,
  );
}

export function useSetApiKey(workspaceId: string, integrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (apiKey: string) => setApiKey(workspaceId, integrationId, apiKey),
    onSuccess: (saved) => {
      queryClient.setQueryData(integrationAdminKeys.detail(workspaceId, saved.id), saved);
      return queryClient.invalidateQueries({
        queryKey: [...integrationAdminKeys.detail(workspaceId, saved.id), 'remote'],
      });
    },
  });
}
