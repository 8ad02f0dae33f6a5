import { type Member, memberListSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { roadmapKeys } from './keys';

export async function getMembers(workspaceId: string): Promise<Member[]> {
  const { members } = await api.read(
    api.rpc.workspaces[':workspaceId'].members.$get({ param: { workspaceId } }),
    memberListSchema,
  );
  return members;
}

export const getMembersQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: roadmapKeys.members(workspaceId),
    queryFn: () => getMembers(workspaceId),
    staleTime: 5 * 60_000,
  });

export function useMembers(workspaceId: string) {
  return useQuery(getMembersQueryOptions(workspaceId));
}
