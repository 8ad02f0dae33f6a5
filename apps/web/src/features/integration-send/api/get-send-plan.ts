import { queryOptions, useQuery } from '@tanstack/react-query';
import { type SendSelection, sendToIntegration } from './send-to-integration';

/** The dry run of a send (nothing is sent): what a bulk send will create, update or skip. */
export const getSendPlanQueryOptions = (
  workspaceId: string,
  integrationId: string,
  selection: SendSelection,
) =>
  queryOptions({
    queryKey: [
      'workspaces',
      workspaceId,
      'integrations',
      integrationId,
      'plan',
      selection.featureIds ?? [],
      selection.releaseIds ?? [],
    ] as const,
    queryFn: () => sendToIntegration(workspaceId, { integrationId, ...selection, dryRun: true }),
    staleTime: 0,
    gcTime: 0,
  });

export function useSendPlan(
  workspaceId: string,
  integrationId: string | undefined,
  selection: SendSelection,
) {
  return useQuery({
    ...getSendPlanQueryOptions(workspaceId, integrationId ?? '', selection),
    enabled: Boolean(integrationId),
  });
}
