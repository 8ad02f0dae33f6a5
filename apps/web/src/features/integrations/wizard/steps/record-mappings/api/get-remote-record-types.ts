import { remoteRecordTypeListSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from '../../../../api/keys';

export type RemoteRecordType = z.infer<typeof remoteRecordTypeListSchema>['types'][number];

export async function getRemoteRecordTypes(
  workspaceId: string,
  integrationId: string,
): Promise<RemoteRecordType[]> {
  const body = await api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].remote['record-types'].$get({
      param: { workspaceId, integrationId },
    }),
    remoteRecordTypeListSchema,
  );
  return body.types;
}

export function useRemoteRecordTypes(workspaceId: string, integrationId: string) {
  return useQuery(
    queryOptions({
      queryKey: integrationAdminKeys.remote(workspaceId, integrationId, 'record-types'),
      queryFn: () => getRemoteRecordTypes(workspaceId, integrationId),
      staleTime: 5 * 60_000,
    }),
  );
}
