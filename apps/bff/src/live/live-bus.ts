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
      const set = listeners.get(workspaceId) ?? new Set<LiveListener>();
      listeners.set(workspaceId, set);
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
