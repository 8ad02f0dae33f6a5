import { type Integration, integrationSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from './keys';

export function getIntegration(workspaceId: string, integrationId: string): Promise<Integration> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].$get({
      param: { workspaceId, integrationId },
    }),
    integrationSchema,
  );
}

export const getIntegrationQueryOptions = (workspaceId: string, integrationId: string) =>
  queryOptions({
    queryKey: integrationAdminKeys.detail(workspaceId, integrationId),
    queryFn: () => getIntegration(workspaceId, integrationId),
  });

export function useIntegration(workspaceId: string, integrationId: string, enabled = true) {
  return useQuery({ ...getIntegrationQueryOptions(workspaceId, integrationId), enabled });
}
