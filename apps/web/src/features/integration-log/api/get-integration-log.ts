import { integrationLogPageSchema } from '@tandem/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { integrationKeys } from '@/api/integrations/keys';
import { api } from '@/lib/api-client';
import { type LogFilters, toLogQuery } from '../utils/log-filters';

/** One page of an integration's log, newest first; `before` continues with older entries. */
export function getIntegrationLog(
  workspaceId: string,
  integrationId: string,
  filters: LogFilters,
  before: number | null,
) {
  return api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].log.$get({
      param: { workspaceId, integrationId },
      query: toLogQuery(filters, before),
    }),
    integrationLogPageSchema,
  );
}

export const getIntegrationLogQueryOptions = (
  workspaceId: string,
  integrationId: string,
  filters: LogFilters,
) => {
  const { entry: _entry, ...listFilters } = filters;
  return infiniteQueryOptions({
    queryKey: [...integrationKeys.log(workspaceId, integrationId), listFilters] as const,
    queryFn: ({ pageParam }) => getIntegrationLog(workspaceId, integrationId, filters, pageParam),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
    staleTime: 5_000,
  });
};

export function useIntegrationLog(workspaceId: string, integrationId: string, filters: LogFilters) {
  return useInfiniteQuery(getIntegrationLogQueryOptions(workspaceId, integrationId, filters));
}
