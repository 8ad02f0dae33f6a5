import { type RecordLink, recordLinkSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { integrationKeys } from './keys';

export type LinkedRecordType = 'feature' | 'release' | 'requirement' | 'initiative';

const recordLinksSchema = z.object({ links: z.array(recordLinkSchema) });

/** States in which the sync engine is still working on the record: worth asking again soon. */
export const BUSY_STATES: ReadonlySet<string> = new Set(['create_pending', 'update_pending']);

/** One record's link to each integration: the chip (FormattedID, URL) or the last error. */
export async function getRecordLinks(
  workspaceId: string,
  recordType: LinkedRecordType,
  recordId: string,
): Promise<RecordLink[]> {
  const body = await api.read(
    api.rpc.workspaces[':workspaceId'].links[':recordType'][':recordId'].$get({
      param: { workspaceId, recordType, recordId },
    }),
    recordLinksSchema,
  );
  return body.links;
}

/**
 * A failure writes no live event, so while a send is in flight the links are asked again every
 * `pollMs`; a link being written arrives over SSE and refetches at once (see `useLiveLinks`).
 */
export const getRecordLinksQueryOptions = (
  workspaceId: string,
  recordType: LinkedRecordType,
  recordId: string,
  pollMs = 1000,
) =>
  queryOptions({
    queryKey: integrationKeys.recordLinks(workspaceId, recordType, recordId),
    queryFn: () => getRecordLinks(workspaceId, recordType, recordId),
    staleTime: 5_000,
    refetchInterval: (query) =>
      query.state.data?.some((l) => BUSY_STATES.has(l.state)) ? pollMs : false,
  });

export function useRecordLinks(
  workspaceId: string,
  recordType: LinkedRecordType,
  recordId: string,
) {
  return useQuery(getRecordLinksQueryOptions(workspaceId, recordType, recordId));
}
