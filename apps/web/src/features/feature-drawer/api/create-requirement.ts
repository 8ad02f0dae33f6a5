import { type Requirement, requirementSchema } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roadmapKeys } from '@/api/roadmap/keys';
import { api } from '@/lib/api-client';

export function createRequirement(
  workspaceId: string,
  featureId: string,
  body: { name: string; statusId?: string | undefined },
): Promise<Requirement> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].features[':featureId'].requirements.$post({
      param: { workspaceId, featureId },
      json: body,
    }),
    requirementSchema,
  );
}

export function useCreateRequirement(workspaceId: string, featureId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; statusId?: string | undefined }) =>
      createRequirement(workspaceId, featureId, body),
    onSettled: () =>
      queryClient.invalidateQueries({
        queryKey: roadmapKeys.featureDetail(workspaceId, featureId),
      }),
  });
}
