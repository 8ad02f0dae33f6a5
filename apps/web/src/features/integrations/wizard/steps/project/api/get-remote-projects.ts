import { type RemoteProjectNode, remoteProjectTreeSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from '../../../../api/keys';

/** The container tree under the chosen first-level container, as far as the user can see it. */
export async function getRemoteProjects(
  workspaceId: string,
  integrationId: string,
  remoteWorkspaceId: string,
): Promise<RemoteProjectNode[]> {
  const body = await api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].remote.projects.$get({
      param: { workspaceId, integrationId },
      query: { workspaceId: remoteWorkspaceId },
    }),
    remoteProjectTreeSchema,
  );
  return body.projects;
}

export function useRemoteProjects(
  workspaceId: string,
  integrationId: string,
  remoteWorkspaceId: string | undefined,
) {
  return useQuery(
    queryOptions({
      queryKey: integrationAdminKeys.remote(
        workspaceId,
        integrationId,
        'projects',
        remoteWorkspaceId ?? '',
      ),
      queryFn: () => getRemoteProjects(workspaceId, integrationId, remoteWorkspaceId ?? ''),
      enabled: Boolean(remoteWorkspaceId),
      staleTime: 60_000,
    }),
  );
}
