import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LinkedRecordType } from '@/api/integrations/get-record-links';
import { integrationKeys } from '@/api/integrations/keys';
import { api } from '@/lib/api-client';

export type OutgoingDecision = 'approve' | 'reject';

export interface DecideOutgoingInput {
  integrationId: string;
  decision: OutgoingDecision;
}

/** `POST …/links/:recordType/:recordId/:integrationId/approval`: send the waiting changes, or not. */
export async function decideOutgoing(
  workspaceId: string,
  recordType: LinkedRecordType,
  recordId: string,
  { integrationId, decision }: DecideOutgoingInput,
): Promise<void> {
  await api.rpc.workspaces[':workspaceId'].links[':recordType'][':recordId'][
    ':integrationId'
  ].approval.$post({
    param: { workspaceId, recordType, recordId, integrationId },
    json: { decision },
  });
}

/** Decides, then refreshes the record's links (the chip leaves "waiting for approval"). */
export function useDecideOutgoing(
  workspaceId: string,
  recordType: LinkedRecordType,
  recordId: string,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DecideOutgoingInput) =>
      decideOutgoing(workspaceId, recordType, recordId, input),
    onSettled: () => {
      void queryClient.invalidateQueries({
        queryKey: integrationKeys.recordLinks(workspaceId, recordType, recordId),
      });
    },
  });
}
