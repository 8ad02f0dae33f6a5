import { integrationSystemSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { integrationKeys } from './keys';

const enabledSchema = z.object({
  integrations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      system: integrationSystemSchema,
      /** Mapped fields that do not travel from the roadmap (mapped from the remote only). */
      oneWay: z
        .array(z.object({ recordType: z.string(), field: z.string(), message: z.string() }))
        .default([]),
    }),
  ),
});
export type EnabledIntegration = z.infer<typeof enabledSchema>['integrations'][number];

/** The integrations a member may send to: what *Send to…* lists. */
export async function getEnabledIntegrations(workspaceId: string): Promise<EnabledIntegration[]> {
  const body = await api.read(
    api.rpc.workspaces[':workspaceId'].integrations.enabled.$get({ param: { workspaceId } }),
    enabledSchema,
  );
  return body.integrations;
}

export const getEnabledIntegrationsQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: integrationKeys.enabled(workspaceId),
    queryFn: () => getEnabledIntegrations(workspaceId),
    staleTime: 60_000,
  });

export function useEnabledIntegrations(workspaceId: string) {
  return useQuery(getEnabledIntegrationsQueryOptions(workspaceId));
}
