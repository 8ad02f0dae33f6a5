import { type CustomFieldDefinition, customFieldListSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { roadmapKeys } from './keys';

export async function getCustomFields(workspaceId: string): Promise<CustomFieldDefinition[]> {
  const { fields } = await api.read(
    api.rpc.workspaces[':workspaceId']['custom-fields'].$get({ param: { workspaceId } }),
    customFieldListSchema,
  );
  return [...fields].sort((a, b) => a.position - b.position);
}

export const getCustomFieldsQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: roadmapKeys.customFields(workspaceId),
    queryFn: () => getCustomFields(workspaceId),
    staleTime: 5 * 60_000,
  });

export function useCustomFields(workspaceId: string) {
  return useQuery(getCustomFieldsQueryOptions(workspaceId));
}
