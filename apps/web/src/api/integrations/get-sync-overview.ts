import { type RecordSyncOverviewView, recordSyncOverviewListSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { LinkedRecordType } from './get-record-links';
import { integrationKeys } from './keys';

/** States the engine is still working on: the overview is asked again soon. */
const BUSY = new Set(['create_pending', 'update_pending']);

/**
 * How every record of one kind stands with the workspace's integrations (state, remote reference,
 * link): one request for the whole board, not one per card.
 */
export async function getSyncOverview(
  workspaceId: string,
  recordType: LinkedRecordType,
): Promise<RecordSyncOverviewView[]> {
  const body = await api.read(
    api.rpc.workspaces[':workspaceId'].links[':recordType'].$get({
      param: { workspaceId, recordType },
    }),
    recordSyncOverviewListSchema,
  );
  return body.links;
}

export const getSyncOverviewQueryOptions = (workspaceId: string, recordType: LinkedRecordType) =>
  queryOptions({
    queryKey: integrationKeys.overview(workspaceId, recordType),
    queryFn: () => getSyncOverview(workspaceId, recordType),
    staleTime: 5_000,
    // A failure writes no live event: while something is on its way, ask again now and then.
    refetchInterval: (query) => (query.state.data?.some((l) => BUSY.has(l.state)) ? 3_000 : false),
  });

export function useSyncOverview(workspaceId: string, recordType: LinkedRecordType) {
  return useQuery(getSyncOverviewQueryOptions(workspaceId, recordType));
}

/** Record id → its rows (one per integration that knows it). */
export function overviewByRecord(
  rows: readonly RecordSyncOverviewView[] | undefined,
): Map<string, RecordSyncOverviewView[]> {
  const map = new Map<string, RecordSyncOverviewView[]>();
  for (const row of rows ?? []) {
    const list = map.get(row.recordId);
    if (list) list.push(row);
    else map.set(row.recordId, [row]);
  }
  return map;
}
