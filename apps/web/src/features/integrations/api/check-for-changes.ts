import { type PollResult, pollResultSchema } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from './keys';

/** Asks the remote now what changed since the last poll, and brings it in. */
export function checkForChanges(workspaceId: string, integrationId: string): Promise<PollResult> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].poll.$post({
      param: { workspaceId, integrationId },
    }),
    pollResultSchema,
  );
}

export function useCheckForChanges(workspaceId: string, integrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => checkForChanges(workspaceId, integrationId),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: integrationAdminKeys.detail(workspaceId, integrationId),
      }),
  });
}
