import type { RecordLink } from '@tandem/contracts';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { getRecordLinksQueryOptions } from '@/api/integrations/get-record-links';
import { subscribeLiveEvents } from '@/lib/live-events';
import {
  aggregateProgress,
  pollWindow,
  type SendItem,
  type SendProgress,
} from '../utils/send-progress';

const POLL_MS = 1500;

/**
 * Live progress of a started send: each item's link to `integrationId`. A record the BFF says
 * changed (SSE) is fetched at once; the first few unfinished ones are also polled, since a
 * failure is not pushed. Nothing is fetched before `active`.
 */
export function useSendProgress({
  workspaceId,
  integrationId,
  items,
  active,
}: {
  workspaceId: string;
  integrationId: string;
  items: readonly SendItem[];
  active: boolean;
}): SendProgress {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const ids = useMemo(() => new Set(items.map((i) => i.id)), [items]);

  useEffect(() => {
    if (!active) return;
    return subscribeLiveEvents(workspaceId, (message) => {
      if (message.kind === 'resync') {
        setTouched(new Set(ids));
        return;
      }
      const { recordId } = message.event;
      if (ids.has(recordId))
        setTouched((prev) => (prev.has(recordId) ? prev : new Set(prev).add(recordId)));
    });
  }, [active, workspaceId, ids]);

  // The window depends on the answers so far; a first pass without it finds them in the cache.
  const [window, setWindow] = useState<ReadonlySet<string>>(new Set());
  const results = useQueries({
    queries: items.map((item) => {
      const polled = window.has(item.id);
      return {
        ...getRecordLinksQueryOptions(workspaceId, item.recordType ?? 'feature', item.id),
        enabled: active && (polled || touched.has(item.id)),
        refetchInterval: polled ? POLL_MS : false,
        staleTime: 0,
      } as const;
    }),
  });

  const linkOf = (index: number): RecordLink | undefined =>
    results[index]?.data?.find((l) => l.integrationId === integrationId);
  const byId = new Map(items.map((item, index) => [item.id, linkOf(index)]));
  const progress = aggregateProgress(items, (id) => byId.get(id));
  const next = active ? pollWindow(progress) : new Set<string>();
  const key = [...next].join(',');

  useEffect(() => {
    setWindow(new Set(key ? key.split(',') : []));
  }, [key]);

  return progress;
}
