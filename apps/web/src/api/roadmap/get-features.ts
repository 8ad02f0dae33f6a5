import { type Feature, featureListSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { roadmapKeys } from './keys';

/** Server-side filters of `GET /features`; absent keys are not sent. */
export interface FeatureListFilters {
  statusId?: string | undefined;
  releaseId?: string | undefined;
  initiativeId?: string | undefined;
  assigneeId?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
}

const PAGE_SIZE = 500;
const MAX_PAGES = 20;

/** Every feature matching the filters: the board shows whole columns, so it follows the cursor. */
export async function getFeatures(
  workspaceId: string,
  filters: FeatureListFilters = {},
): Promise<Feature[]> {
  const items: Feature[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: Record<string, string> = { ...compactFilters(filters), limit: String(PAGE_SIZE) };
    if (cursor) query.cursor = cursor;
    const result = await api.read(
      api.rpc.workspaces[':workspaceId'].features.$get({ param: { workspaceId }, query }),
      featureListSchema,
    );
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/** Filters without empty values, so `{ q: '' }` and `{}` share one cache entry. */
export function compactFilters(filters: FeatureListFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

export const getFeaturesQueryOptions = (workspaceId: string, filters: FeatureListFilters = {}) => {
  const compact = compactFilters(filters);
  return queryOptions({
    queryKey: roadmapKeys.featureList(workspaceId, compact),
    queryFn: () => getFeatures(workspaceId, compact),
  });
};

export function useFeatures(workspaceId: string, filters: FeatureListFilters = {}) {
  return useQuery({ ...getFeaturesQueryOptions(workspaceId, filters), placeholderData: (p) => p });
}
