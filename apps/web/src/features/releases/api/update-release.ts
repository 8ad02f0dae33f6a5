import { type Release, releaseSchema } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roadmapKeys } from '@/api/roadmap/keys';
import { api } from '@/lib/api-client';

export interface UpdateReleaseBody {
  name?: string;
  startDate?: string | null;
  releaseDate?: string | null;
  statusId?: string;
}

export function updateRelease(
  workspaceId: string,
  release: Release,
  change: UpdateReleaseBody,
): Promise<Release> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].releases[':releaseId'].$patch({
      param: { workspaceId, releaseId: release.id },
      json: { ...change, version: release.version },
    }),
    releaseSchema,
  );
}

export function useUpdateRelease(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ release, change }: { release: Release; change: UpdateReleaseBody }) =>
      updateRelease(workspaceId, release, change),
    onSettled: () => queryClient.invalidateQueries({ queryKey: roadmapKeys.releases(workspaceId) }),
  });
}
