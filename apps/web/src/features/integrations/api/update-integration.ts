import {
  type Integration,
  type IntegrationSettings,
  integrationSchema,
  type WizardStep,
} from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api-client';
import { integrationAdminKeys } from './keys';

export interface IntegrationChange {
  name?: string;
  wizardStep?: WizardStep;
  settings?: IntegrationSettings;
}

/** Saves part of the settings (the server merges them) against the version the page holds. */
export function updateIntegration(
  workspaceId: string,
  integration: Integration,
  change: IntegrationChange,
): Promise<Integration> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].$patch({
      param: { workspaceId, integrationId: integration.id },
      json: { version: integration.version, ...change },
    }),
    integrationSchema,
  );
}

/** The integration someone else saved meanwhile, from a 409's `details.current`. */
export function currentFromConflict(error: unknown): Integration | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const parsed = integrationSchema.safeParse(error.details.current);
  return parsed.success ? parsed.data : null;
}

export function useUpdateIntegration(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      integration,
      change,
    }: {
      integration: Integration;
      change: IntegrationChange;
    }) => updateIntegration(workspaceId, integration, change),
    onSuccess: (saved) => {
      queryClient.setQueryData(integrationAdminKeys.detail(workspaceId, saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: integrationAdminKeys.list(workspaceId) });
    },
    onError: (error, { integration }) => {
      // A stale version: show what is saved now, so the next save is against it.
      const current = currentFromConflict(error);
      if (current) {
        queryClient.setQueryData(integrationAdminKeys.detail(workspaceId, integration.id), current);
      }
    },
  });
}
