import { remoteWorkspaceListSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from '../../../../api/keys';

export type RemoteWorkspace = { id: string; name: string };

/** The remote's first-level containers (workspaces) the connected user can see. */
export async function getRemoteWorkspaces(
  workspaceId: string,
  integrationId: string,
): Promise<RemoteWorkspace[]> {
  const body = await api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].remote.workspaces.$get({
      param: { workspaceId, integrationId },
    }),
    remoteWorkspaceListSchema,
  );
  return body.workspaces;
}

export function useRemoteWorkspaces(workspaceId: string, integrationId: string) {
  return useQuery(
    queryOptions({
      queryKey: integrationAdminKeys.remote(workspaceId, integrationId, 'workspaces'),
      queryFn: () => getRemoteWorkspaces(workspaceId, integrationId),
      staleTime: 60_000,
    }),
  );
}
