import type { Feature } from '@tandem/contracts';
import { type QueryClient, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { getFeatures } from '@/api/roadmap/get-features';
import { roadmapKeys } from '@/api/roadmap/keys';
import { ApiError } from '@/lib/api-client';

/**
 * The drawer's URL names a feature by its reference (`/features/APP-12`), which survives a reload
 * and reads well in a shared link. The id comes from a board list already in the cache, or from
 * a search by reference (the BFF's `q` matches reference numbers).
 */
export async function resolveFeatureReference(
  queryClient: QueryClient,
  workspaceId: string,
  referenceNum: string,
): Promise<string> {
  const wanted = referenceNum.toUpperCase();
  for (const [, list] of queryClient.getQueriesData<Feature[]>({
    queryKey: roadmapKeys.featureLists(workspaceId),
  })) {
    const hit = list?.find((f) => f.referenceNum.toUpperCase() === wanted);
    if (hit) return hit.id;
  }
  const found = (await getFeatures(workspaceId, { q: referenceNum })).find(
    (f) => f.referenceNum.toUpperCase() === wanted,
  );
  if (!found) {
    throw new ApiError({
      status: 404,
      code: 'not_found',
      message: `There is no feature ${referenceNum}.`,
    });
  }
  return found.id;
}

export function useFeatureReference(workspaceId: string, referenceNum: string) {
  const queryClient = useQueryClient();
  return useQuery(
    queryOptions({
      queryKey: roadmapKeys.featureByReference(workspaceId, referenceNum),
      queryFn: () => resolveFeatureReference(queryClient, workspaceId, referenceNum),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  );
}
