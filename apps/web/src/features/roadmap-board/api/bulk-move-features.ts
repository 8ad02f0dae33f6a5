import type { Feature } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roadmapKeys } from '@/api/roadmap/keys';
import { moveFeature } from './move-feature';

export interface BulkMoveResult {
  moved: number;
  failed: { feature: Feature; message: string }[];
}

/**
 * Moves each selected feature to one status (to the end of its column), one request per feature
 * so a conflict on one does not stop the others; reports what did not move.
 */
export async function bulkMoveFeatures(
  workspaceId: string,
  features: readonly Feature[],
  statusId: string,
): Promise<BulkMoveResult> {
  const results = await Promise.allSettled(
    features.map((f) =>
      f.statusId === statusId
        ? Promise.resolve(f)
        : moveFeature(workspaceId, f.id, { version: f.version, statusId }),
    ),
  );
  const failed = results.flatMap((r, i) =>
    r.status === 'rejected'
      ? [
          {
            feature: features[i]!,
            message: r.reason instanceof Error ? r.reason.message : 'Failed',
          },
        ]
      : [],
  );
  return { moved: features.length - failed.length, failed };
}

export function useBulkMoveFeatures(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ features, statusId }: { features: readonly Feature[]; statusId: string }) =>
      bulkMoveFeatures(workspaceId, features, statusId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: roadmapKeys.features(workspaceId) }),
  });
}
