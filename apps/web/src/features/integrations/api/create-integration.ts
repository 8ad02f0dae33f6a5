import { type Integration, type IntegrationSystem, integrationSchema } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from './keys';

export interface CreateIntegrationInput {
  system: IntegrationSystem;
  name: string;
  templateId?: string | null;
}

export function createIntegration(
  workspaceId: string,
  input: CreateIntegrationInput,
): Promise<Integration> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].integrations.$post({ param: { workspaceId }, json: input }),
    integrationSchema,
  );
}

export function useCreateIntegration(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateIntegrationInput) => createIntegration(workspaceId, input),
    onSuccess: (created) => {
      queryClient.setQueryData(integrationAdminKeys.detail(workspaceId, created.id), created);
      return queryClient.invalidateQueries({ queryKey: integrationAdminKeys.list(workspaceId) });
    },
  });
}
