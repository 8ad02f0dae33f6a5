import { integrationLogEventsSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { integrationKeys } from '@/api/integrations/keys';
import { api } from '@/lib/api-client';

/** The events this integration has logged (`http`, `webhook`, …): the event filter's choices. */
export function getIntegrationLogEvents(workspaceId: string, integrationId: string) {
  return api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].log.events.$get({
      param: { workspaceId, integrationId },
    }),
    integrationLogEventsSchema,
  );
}

export const getIntegrationLogEventsQueryOptions = (workspaceId: string, integrationId: string) =>
  queryOptions({
    queryKey: [...integrationKeys.log(workspaceId, integrationId), 'events'] as const,
    queryFn: () => getIntegrationLogEvents(workspaceId, integrationId),
    select: (page) => page.events,
    staleTime: 30_000,
  });

export function useIntegrationLogEvents(workspaceId: string, integrationId: string) {
  return useQuery(getIntegrationLogEventsQueryOptions(workspaceId, integrationId));
}
