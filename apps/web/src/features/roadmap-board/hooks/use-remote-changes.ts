import { useEffect, useState } from 'react';
import { subscribeLiveEvents } from '@/lib/live-events';

/** How long a card changed by an integration stays highlighted. */
const HIGHLIGHT_MS = 4000;

/**
 * Features an integration just changed (a status changed in the remote system moves the card):
 * id → the integration's id, for a few seconds, so the board can highlight them.
 */
export function useRemoteChanges(workspaceId: string): ReadonlyMap<string, string> {
  const [changed, setChanged] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const unsubscribe = subscribeLiveEvents(workspaceId, (message) => {
      if (message.kind !== 'event') return;
      const { recordType, recordId, origin, version, action } = message.event;
      // A link written to the record (version null) changes none of its values.
      if (recordType !== 'feature' || !origin.startsWith('integration:')) return;
      if (action !== 'update' || version === null) return;
      const integrationId = origin.slice('integration:'.length);
      setChanged((prev) => new Map(prev).set(recordId, integrationId));
      const timer = setTimeout(() => {
        timers.delete(timer);
        setChanged((prev) => {
          const next = new Map(prev);
          next.delete(recordId);
          return next;
        });
      }, HIGHLIGHT_MS);
      timers.add(timer);
    });
    return () => {
      unsubscribe();
      for (const timer of timers) clearTimeout(timer);
    };
  }, [workspaceId]);
  return changed;
}
