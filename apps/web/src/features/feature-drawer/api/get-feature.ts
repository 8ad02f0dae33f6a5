import { type FeatureDetail, featureDetailSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { roadmapKeys, workspacePath } from '@/api/roadmap/keys';
import { api } from '@/lib/api-client';

export const featurePath = (workspaceId: string, featureId: string) =>
  `${workspacePath(workspaceId)}/features/${encodeURIComponent(featureId)}`;

/** One feature with its requirements and attachments. */
export function getFeature(workspaceId: string, featureId: string): Promise<FeatureDetail> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].features[':featureId'].$get({
      param: { workspaceId, featureId },
    }),
    featureDetailSchema,
  );
}

export const getFeatureQueryOptions = (workspaceId: string, featureId: string) =>
  queryOptions({
    queryKey: roadmapKeys.featureDetail(workspaceId, featureId),
    queryFn: () => getFeature(workspaceId, featureId),
  });

export function useFeature(workspaceId: string, featureId: string | undefined) {
  return useQuery({
    ...getFeatureQueryOptions(workspaceId, featureId ?? ''),
    enabled: Boolean(featureId),
  });
}
