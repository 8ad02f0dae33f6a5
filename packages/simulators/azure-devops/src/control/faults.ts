/** Fault rules, latency and delivery faults come from the sim-kit; concurrency is this system’s own. */
import { z } from 'zod';

export {
  type DeliveryFaults,
  DeliveryFaultsInput,
  type FaultRule,
  FaultRuleInput,
  Faults,
  type Latency,
  LatencyInput,
} from '@tandem/sim-kit';

export const ConcurrencyInput = z.object({
  /** Simultaneous requests per identity before `reject` answers 429 (none by default). */
  limit: z.number().int().min(1).nullable().default(null),
});
export type Concurrency = z.output<typeof ConcurrencyInput>;

/** Requests in flight per identity, the highest count seen, and an optional cap. */
export class ConcurrencyTracker {
  config: Concurrency = { limit: null };
  inFlight = new Map<string, number>();
  peak = new Map<string, number>();

  /** A release function, or null when the cap is reached. */
  enter(key: string): (() => void) | null {
    const n = (this.inFlight.get(key) ?? 0) + 1;
    if (this.config.limit !== null && n > this.config.limit) return null;
    this.inFlight.set(key, n);
    if (n > (this.peak.get(key) ?? 0)) this.peak.set(key, n);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
    };
  }

  resetPeaks(): void {
    this.peak.clear();
  }
}
