import { integrationListSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The workspace's integrations a new template can copy its settings and connection from. */
export async function getSourceIntegrations(workspaceId: string) {
  const body = await api.read(
    api.rpc.workspaces[':workspaceId'].integrations.$get({ param: { workspaceId } }),
    integrationListSchema,
  );
  return body.integrations;
}

export function useSourceIntegrations(workspaceId: string) {
  return useQuery(
    queryOptions({
      queryKey: ['workspaces', workspaceId, 'integrations', 'template-sources'],
      queryFn: () => getSourceIntegrations(workspaceId),
    }),
  );
}
