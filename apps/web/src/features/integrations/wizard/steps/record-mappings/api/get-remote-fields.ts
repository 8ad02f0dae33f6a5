import { remoteFieldListSchema, type remoteFieldSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from '../../../../api/keys';

export type RemoteField = z.infer<typeof remoteFieldSchema>;

/** The fields of one remote record type: which are required, read-only, or a list of values. */
export async function getRemoteFields(
  workspaceId: string,
  integrationId: string,
  type: string,
): Promise<RemoteField[]> {
  const body = await api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].remote.fields.$get({
      param: { workspaceId, integrationId },
      query: { type },
    }),
    remoteFieldListSchema,
  );
  return body.fields;
}

export function useRemoteFields(workspaceId: string, integrationId: string, type: string) {
  return useQuery(
    queryOptions({
      queryKey: integrationAdminKeys.remote(workspaceId, integrationId, 'fields', type),
      queryFn: () => getRemoteFields(workspaceId, integrationId, type),
      enabled: type !== '',
      staleTime: 5 * 60_000,
    }),
  );
}
