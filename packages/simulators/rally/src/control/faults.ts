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
  /** Simultaneous requests per user (Rally: 12). */
  limit: z.number().int().min(1).default(12),
  /** Rally queues requests past the limit; `reject` answers 429 instead (for testing back-off). */
  mode: z.enum(['queue', 'reject']).default('queue'),
});
export type Concurrency = z.output<typeof ConcurrencyInput>;

/** Per-user concurrency limit: requests past the limit wait (or are rejected in `reject` mode). */
export class ConcurrencyLimiter {
  config: Concurrency = { limit: 12, mode: 'queue' };
  private inFlight = new Map<string, number>();
  private waiting = new Map<string, Array<() => void>>();
  peak = new Map<string, number>();

  /** Resolves to a release function, or `null` when the request must be rejected. */
  async acquire(key: string): Promise<(() => void) | null> {
    const n = this.inFlight.get(key) ?? 0;
    if (n >= this.config.limit) {
      if (this.config.mode === 'reject') return null;
      await new Promise<void>((resolve) => {
        const q = this.waiting.get(key) ?? [];
        q.push(resolve);
        this.waiting.set(key, q);
      });
    } else {
      this.inFlight.set(key, n + 1);
    }
    const cur = this.inFlight.get(key) ?? 0;
    if (cur > (this.peak.get(key) ?? 0)) this.peak.set(key, cur);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const q = this.waiting.get(key);
      const next = q?.shift();
      if (next) next();
      else this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
    };
  }
}
