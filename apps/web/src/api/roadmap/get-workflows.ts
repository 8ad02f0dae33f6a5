import { type RecordType, type Workflow, workflowListSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { roadmapKeys } from './keys';

export async function getWorkflows(workspaceId: string): Promise<Workflow[]> {
  const { workflows } = await api.read(
    api.rpc.workspaces[':workspaceId'].workflows.$get({ param: { workspaceId } }),
    workflowListSchema,
  );
  return workflows;
}

export const getWorkflowsQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: roadmapKeys.workflows(workspaceId),
    queryFn: () => getWorkflows(workspaceId),
    staleTime: 5 * 60_000,
  });

export function useWorkflows(workspaceId: string) {
  return useQuery(getWorkflowsQueryOptions(workspaceId));
}

/** The ordered statuses of one record type (features fall back to nothing, never to another type). */
export function statusesOf(workflows: Workflow[] | undefined, recordType: RecordType) {
  const workflow = workflows?.find((w) => w.recordType === recordType);
  return [...(workflow?.statuses ?? [])].sort((a, b) => a.position - b.position);
}
