import { type Initiative, initiativeListSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { roadmapKeys } from './keys';

/** Initiatives of this workspace and of every other workspace the user can see. */
export async function getInitiatives(workspaceId: string): Promise<Initiative[]> {
  const { initiatives } = await api.read(
    api.rpc.workspaces[':workspaceId'].initiatives.$get({
      param: { workspaceId },
      query: { scope: 'all' },
    }),
    initiativeListSchema,
  );
  return initiatives;
}

export const getInitiativesQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: roadmapKeys.initiatives(workspaceId),
    queryFn: () => getInitiatives(workspaceId),
  });

export function useInitiatives(workspaceId: string) {
  return useQuery(getInitiativesQueryOptions(workspaceId));
}
