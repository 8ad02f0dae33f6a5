import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LinkedRecordType } from '@/api/integrations/get-record-links';
import { integrationKeys } from '@/api/integrations/keys';
import { roadmapKeys } from '@/api/roadmap/keys';
import { api } from '@/lib/api-client';

export type ConflictChoice = 'roadmap' | 'remote';

export interface ResolveConflictInput {
  integrationId: string;
  keep: ConflictChoice;
}

/** `POST …/links/:recordType/:recordId/:integrationId/resolve`: keep ours (send) or take theirs. */
export async function resolveConflict(
  workspaceId: string,
  recordType: LinkedRecordType,
  recordId: string,
  { integrationId, keep }: ResolveConflictInput,
): Promise<void> {
  await api.rpc.workspaces[':workspaceId'].links[':recordType'][':recordId'][
    ':integrationId'
  ].resolve.$post({ param: { workspaceId, recordType, recordId, integrationId }, json: { keep } });
}

/** Resolves, then refreshes the record's links and its values (taking theirs changes them). */
export function useResolveConflict(
  workspaceId: string,
  recordType: LinkedRecordType,
  recordId: string,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ResolveConflictInput) =>
      resolveConflict(workspaceId, recordType, recordId, input),
    onSettled: () => {
      void queryClient.invalidateQueries({
        queryKey: integrationKeys.recordLinks(workspaceId, recordType, recordId),
      });
      void queryClient.invalidateQueries({ queryKey: roadmapKeys.features(workspaceId) });
    },
  });
}
