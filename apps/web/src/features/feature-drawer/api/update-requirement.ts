import { type FeatureDetail, type Requirement, requirementSchema } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roadmapKeys } from '@/api/roadmap/keys';
import { api } from '@/lib/api-client';

export interface RequirementChange {
  name?: string;
  statusId?: string;
}

export function updateRequirement(
  workspaceId: string,
  requirement: Requirement,
  change: RequirementChange,
): Promise<Requirement> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].requirements[':requirementId'].$patch({
      param: { workspaceId, requirementId: requirement.id },
      json: { ...change, version: requirement.version },
    }),
    requirementSchema,
  );
}

/** Renames or re-statuses one requirement, showing the change at once. */
export function useUpdateRequirement(workspaceId: string, featureId: string) {
  const queryClient = useQueryClient();
  const key = roadmapKeys.featureDetail(workspaceId, featureId);
  const replace = (requirement: Requirement) =>
    queryClient.setQueryData<FeatureDetail>(key, (detail) =>
      detail
        ? {
            ...detail,
            requirements: detail.requirements.map((r) =>
              r.id === requirement.id ? requirement : r,
            ),
          }
        : detail,
    );
  return useMutation({
    mutationFn: ({
      requirement,
      change,
    }: {
      requirement: Requirement;
      change: RequirementChange;
    }) => updateRequirement(workspaceId, requirement, change),
    onMutate: ({ requirement, change }) => replace({ ...requirement, ...change }),
    onSuccess: replace,
    onError: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
