import { type Integration, integrationListSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from './keys';

/** Every integration of the workspace, drafts included (owners only). */
export async function getIntegrations(workspaceId: string): Promise<Integration[]> {
  const body = await api.read(
    api.rpc.workspaces[':workspaceId'].integrations.$get({ param: { workspaceId } }),
    integrationListSchema,
  );
  return body.integrations;
}

export const getIntegrationsQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: integrationAdminKeys.list(workspaceId),
    queryFn: () => getIntegrations(workspaceId),
  });

export function useIntegrations(workspaceId: string) {
  return useQuery(getIntegrationsQueryOptions(workspaceId));
}
