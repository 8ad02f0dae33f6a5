import {
  type ImportCandidateView,
  type ImportedCandidate,
  importCandidateListSchema,
  importedCandidateSchema,
} from '@tandem/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from './keys';

const candidates = () =>
  api.rpc.workspaces[':workspaceId'].integrations[':integrationId']['import-candidates'];

export async function getImportCandidates(
  workspaceId: string,
  integrationId: string,
): Promise<ImportCandidateView[]> {
  const body = await api.read(
    candidates().$get({ param: { workspaceId, integrationId } }),
    importCandidateListSchema,
  );
  return body.candidates;
}

export function useImportCandidates(workspaceId: string, integrationId: string) {
  return useQuery({
    queryKey: integrationAdminKeys.importCandidates(workspaceId, integrationId),
    queryFn: () => getImportCandidates(workspaceId, integrationId),
  });
}

/** Imports one candidate (`import`) or leaves it out for good (`dismiss`). */
export function useSettleCandidate(workspaceId: string, integrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      remoteId,
      action,
    }: {
      remoteId: string;
      action: 'import' | 'dismiss';
    }): Promise<ImportedCandidate | null> => {
      const param = { workspaceId, integrationId, remoteId };
      if (action === 'import') {
        return api.read(candidates()[':remoteId'].import.$post({ param }), importedCandidateSchema);
      }
      // The rpc transport turns a refusal into an ApiError; a 204 has nothing to read.
      await candidates()[':remoteId'].dismiss.$post({ param });
      return null;
    },
    onSettled: () =>
      queryClient.invalidateQueries({
        queryKey: integrationAdminKeys.importCandidates(workspaceId, integrationId),
      }),
  });
}
