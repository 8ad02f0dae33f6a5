import { remoteStateListSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from '../../../../api/keys';

export type RemoteState = z.infer<typeof remoteStateListSchema>['states'][number];

/** The workflow states of one remote record type, in the remote's order. */
export async function getRemoteStates(
  workspaceId: string,
  integrationId: string,
  type: string,
): Promise<RemoteState[]> {
  const body = await api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].remote.states.$get({
      param: { workspaceId, integrationId },
      query: { type },
    }),
    remoteStateListSchema,
  );
  return [...body.states].sort((a, b) => a.order - b.order);
}

export function useRemoteStates(workspaceId: string, integrationId: string, type: string) {
  return useQuery(
    queryOptions({
      queryKey: integrationAdminKeys.remote(workspaceId, integrationId, 'states', type),
      queryFn: () => getRemoteStates(workspaceId, integrationId, type),
      enabled: type !== '',
      staleTime: 5 * 60_000,
    }),
  );
}
