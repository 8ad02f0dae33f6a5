import type { LiveEvent } from '@tandem/contracts';

export type LiveListener = (event: LiveEvent) => void;

/** Fans live events out to the SSE connections of one process, per workspace. */
export function createLiveBus() {
  const listeners = new Map<string, Set<LiveListener>>();
  return {
    publish(workspaceId: string, event: LiveEvent): void {
      for (const listener of listeners.get(workspaceId) ?? []) listener(event);
    },
    subscribe(workspaceId: string, listener: LiveListener): () => void {
      let set = listeners.get(workspaceId);
      if (!set) listeners.set(workspaceId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(workspaceId);
      };
    },
    subscriberCount(): number {
      let n = 0;
      for (const set of listeners.values()) n += set.size;
      return n;
    },
  };
}

export type LiveBus = ReturnType<typeof createLiveBus>;
