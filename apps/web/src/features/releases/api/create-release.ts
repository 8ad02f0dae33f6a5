import { type Release, releaseSchema } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roadmapKeys } from '@/api/roadmap/keys';
import { api } from '@/lib/api-client';

export interface CreateReleaseBody {
  name: string;
  startDate: string | null;
  releaseDate: string | null;
  statusId?: string | undefined;
  parkingLot: boolean;
}

export function createRelease(workspaceId: string, body: CreateReleaseBody): Promise<Release> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].releases.$post({ param: { workspaceId }, json: body }),
    releaseSchema,
  );
}

export function useCreateRelease(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReleaseBody) => createRelease(workspaceId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roadmapKeys.releases(workspaceId) }),
  });
}
