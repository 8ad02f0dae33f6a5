import { type Release, releaseListSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { roadmapKeys } from './keys';

export async function getReleases(workspaceId: string): Promise<Release[]> {
  const { releases } = await api.read(
    api.rpc.workspaces[':workspaceId'].releases.$get({ param: { workspaceId } }),
    releaseListSchema,
  );
  return releases;
}

export const getReleasesQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: roadmapKeys.releases(workspaceId),
    queryFn: () => getReleases(workspaceId),
  });

export function useReleases(workspaceId: string) {
  return useQuery(getReleasesQueryOptions(workspaceId));
}

/** Scheduled releases by date (undated last), then parking lots in their own order. */
export function orderReleases(releases: readonly Release[]): Release[] {
  const scheduled = releases
    .filter((r) => !r.parkingLot)
    .sort(
      (a, b) =>
        (a.releaseDate ?? '9999').localeCompare(b.releaseDate ?? '9999') ||
        a.position - b.position ||
        a.name.localeCompare(b.name),
    );
  const parked = releases.filter((r) => r.parkingLot).sort((a, b) => a.position - b.position);
  return [...scheduled, ...parked];
}
