import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type LiveMessage, subscribeLiveEvents } from '@/lib/live-events';
import { roadmapKeys } from './keys';

/** How long changes are gathered before the lists are fetched again (a send links many records). */
const BATCH_MS = 250;

/**
 * Which roadmap queries a live message makes stale. Only changes an integration made are
 * followed (a remote edit brought in, a record imported): people's own edits are already in the
 * cache, and a board refetched under someone's drag would jump. A link written to a record
 * (version null) changes none of its values; after a gap in the stream everything is refetched.
 */
export function staleRoadmapKeys(workspaceId: string, message: LiveMessage): QueryKey[] {
  if (message.kind === 'resync')
    return [
      roadmapKeys.features(workspaceId),
      roadmapKeys.releases(workspaceId),
      roadmapKeys.initiatives(workspaceId),
    ];
  const { recordType, origin, action, version } = message.event;
  if (!origin.startsWith('integration:') || (action === 'update' && version === null)) return [];
  switch (recordType) {
    case 'feature':
    case 'requirement':
      return [roadmapKeys.features(workspaceId)];
    case 'release':
      return [roadmapKeys.releases(workspaceId)];
    case 'initiative':
      return [roadmapKeys.initiatives(workspaceId)];
    default:
      return [];
  }
}

/**
 * Keeps the board and the open drawer in step with changes an integration makes (a status
 * changed in the remote system moves the card without a reload). Mount once per page.
 */
export function useLiveRoadmap(workspaceId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const pending = new Map<string, QueryKey>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      for (const queryKey of pending.values()) void queryClient.invalidateQueries({ queryKey });
      pending.clear();
    };
    const unsubscribe = subscribeLiveEvents(workspaceId, (message) => {
      for (const key of staleRoadmapKeys(workspaceId, message))
        pending.set(JSON.stringify(key), key);
      if (pending.size > 0 && timer === undefined) timer = setTimeout(flush, BATCH_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [workspaceId, queryClient]);
}
