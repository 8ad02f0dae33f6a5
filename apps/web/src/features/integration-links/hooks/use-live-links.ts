import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { integrationKeys } from '@/api/integrations/keys';
import { type LiveMessage, subscribeLiveEvents } from '@/lib/live-events';

/** Which link queries a live message makes stale: one record's, or all of them after a gap. */
export function staleLinkKeys(workspaceId: string, message: LiveMessage) {
  const { kind } = message;
  // An integration-field row without its owner (an older BFF) could be any record's link.
  if (kind === 'resync' || message.event.recordType === 'integration_field')
    return [integrationKeys.links(workspaceId)];
  const { recordType, recordId } = message.event;
  return [
    integrationKeys.recordLinks(workspaceId, recordType, recordId),
    // The board's overview of that kind (its badges and references) follows too.
    integrationKeys.overview(workspaceId, recordType),
  ];
}

/**
 * Keeps the link chips on screen live: every change the BFF pushes for a record refetches that
 * record's links (only queries in use are fetched again), so a FormattedID appears without a
 * reload. Mount once per page; every caller shares one stream per workspace.
 */
export function useLiveLinks(workspaceId: string) {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribeLiveEvents(workspaceId, (message) => {
        for (const queryKey of staleLinkKeys(workspaceId, message))
          void queryClient.invalidateQueries({ queryKey });
      }),
    [workspaceId, queryClient],
  );
}
