import type { Faults } from './faults.ts';

/** How long a delivery held back (reorder fault) waits for the next one before going alone. */
const HOLD_MS = 2000;

/**
 * Sends webhook deliveries with the delivery faults switched on: a duplicate sends one twice; a
 * reorder holds one back until the next delivery for the same hook has gone (or 2 s passed).
 * Tracks what is under way, so a test can wait for every delivery (retries included) to finish.
 */
export class DeliveryDispatcher {
  private readonly held = new Map<string, () => void>();
  private readonly pending = new Set<Promise<void>>();
  private readonly holdTimers = new Set<NodeJS.Timeout>();
  private readonly faults: Faults;

  constructor(faults: Faults) {
    this.faults = faults;
  }

  /** One delivery for the hook `key`; `deliver` sends it (with its own retries). */
  dispatch(key: string, deliver: () => Promise<void>): void {
    const send = () => this.track(deliver());
    const heldBefore = this.held.get(key);
    if (!heldBefore && this.faults.chance(this.faults.deliveries.reorderRate)) {
      this.held.set(key, send);
      const timer = setTimeout(() => {
        this.holdTimers.delete(timer);
        if (this.held.get(key) === send) {
          this.held.delete(key);
          send();
        }
      }, HOLD_MS);
      this.holdTimers.add(timer);
      return;
    }
    send();
    if (this.faults.chance(this.faults.deliveries.duplicateRate)) send();
    if (heldBefore) {
      this.held.delete(key);
      heldBefore();
    }
  }

  /** Resolves once every delivery under way (retries included) has finished. */
  async idle(): Promise<void> {
    while (this.pending.size > 0 || this.held.size > 0) {
      if (this.pending.size === 0) {
        for (const [key, send] of this.held) {
          this.held.delete(key);
          send();
        }
      }
      await Promise.allSettled([...this.pending]);
    }
  }

  /** Drops what is held back (reset, close); deliveries under way finish on their own. */
  clear(): void {
    for (const t of this.holdTimers) clearTimeout(t);
    this.holdTimers.clear();
    this.held.clear();
  }

  private track(p: Promise<void>): void {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }
}
