import type { QueryClient } from '@tanstack/react-query';
import { getFeaturesQueryOptions } from '@/api/roadmap/get-features';
import { getReleasesQueryOptions } from '@/api/roadmap/get-releases';
import { getWorkflowsQueryOptions } from '@/api/roadmap/get-workflows';
import { primeQuery } from '@/lib/query';
import { boardViewFromSearchParams } from '../utils/board-filters';

/**
 * What the board needs before its first paint (columns and cards), fetched in parallel by the
 * route loader. Failures are left for the board to show in place.
 */
export async function primeBoard(
  queryClient: QueryClient,
  workspaceId: string,
  search: URLSearchParams,
): Promise<void> {
  const { filters } = boardViewFromSearchParams(search);
  await Promise.allSettled([
    primeQuery(queryClient, getWorkflowsQueryOptions(workspaceId)),
    primeQuery(queryClient, getReleasesQueryOptions(workspaceId)),
    primeQuery(queryClient, getFeaturesQueryOptions(workspaceId, filters)),
  ]);
}
