import { type Initiative, initiativeSchema } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roadmapKeys } from '@/api/roadmap/keys';
import { api } from '@/lib/api-client';

export function createInitiative(
  workspaceId: string,
  body: { name: string; statusId?: string | undefined },
): Promise<Initiative> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].initiatives.$post({ param: { workspaceId }, json: body }),
    initiativeSchema,
  );
}

export function useCreateInitiative(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; statusId?: string | undefined }) =>
      createInitiative(workspaceId, body),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: roadmapKeys.initiatives(workspaceId) }),
  });
}
