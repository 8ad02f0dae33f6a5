import { mappingDefaultsSchema, type RecordMapping } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from '../../../../api/keys';

/** Sensible starting mappings (feature → Feature, requirement → User Story, …), statuses matched. */
export async function getMappingDefaults(
  workspaceId: string,
  integrationId: string,
): Promise<RecordMapping[]> {
  const body = await api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId']['mapping-defaults'].$get({
      param: { workspaceId, integrationId },
    }),
    mappingDefaultsSchema,
  );
  return body.recordMappings;
}

export function useMappingDefaults(workspaceId: string, integrationId: string, enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: integrationAdminKeys.mappingDefaults(workspaceId, integrationId),
      queryFn: () => getMappingDefaults(workspaceId, integrationId),
      enabled,
      staleTime: Number.POSITIVE_INFINITY,
    }),
  );
}
