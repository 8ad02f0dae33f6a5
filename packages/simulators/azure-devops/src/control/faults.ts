/** Latency, fault rules and delivery faults: the parts tests switch on and off. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export const FaultRuleInput = z.object({
  id: z.string().optional(),
  /** HTTP method to match (any when absent). */
  method: z.string().optional(),
  /** Regular expression tested against the path and query string (any when absent). */
  path: z.string().optional(),
  /** Answer with `status`; cut the connection before or after the write commits; or hang. */
  action: z.enum(['status', 'drop', 'drop-after-commit', 'hang']).default('status'),
  status: z.number().int().min(100).max(599).optional(),
  /** Body to answer `status` with (default: a VSS error). */
  body: z.unknown().optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  /** How long `hang` waits before answering `status` (default 30 s, then 503). */
  delayMs: z.number().int().min(0).default(30_000),
  /** Probability 0..1 that a matching request is hit. */
  rate: z.number().min(0).max(1).default(1),
  /** How many times the rule fires before it removes itself (unlimited when absent). */
  times: z.number().int().min(1).optional(),
});
export type FaultRuleInput = z.input<typeof FaultRuleInput>;
export type FaultRule = z.output<typeof FaultRuleInput> & { id: string; hits: number };

export const LatencyInput = z.object({
  fixedMs: z.number().min(0).default(0),
  jitterMs: z.number().min(0).default(0),
});
export type Latency = z.output<typeof LatencyInput>;

export const DeliveryFaultsInput = z.object({
  /** Probability that a service-hook delivery is sent twice. */
  duplicateRate: z.number().min(0).max(1).default(0),
  /** Probability that a delivery is held back and sent after the next one. */
  reorderRate: z.number().min(0).max(1).default(0),
});
export type DeliveryFaults = z.output<typeof DeliveryFaultsInput>;

export class Faults {
  rules: FaultRule[] = [];
  latency: Latency = { fixedMs: 0, jitterMs: 0 };
  deliveries: DeliveryFaults = { duplicateRate: 0, reorderRate: 0 };
  private random: () => number;

  constructor(random: () => number = Math.random) {
    this.random = random;
  }

  add(input: FaultRuleInput): FaultRule {
    const parsed = FaultRuleInput.parse(input);
    if (parsed.path) new RegExp(parsed.path);
    const rule: FaultRule = { ...parsed, id: parsed.id ?? randomUUID(), hits: 0 };
    this.rules = [...this.rules.filter((r) => r.id !== rule.id), rule];
    return rule;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
    this.latency = { fixedMs: 0, jitterMs: 0 };
    this.deliveries = { duplicateRate: 0, reorderRate: 0 };
  }

  /** The first rule that fires for this request (uses up one of its `times`). */
  match(method: string, pathAndQuery: string): FaultRule | undefined {
    for (const r of this.rules) {
      if (r.method && r.method.toUpperCase() !== method.toUpperCase()) continue;
      if (r.path && !new RegExp(r.path, 'i').test(pathAndQuery)) continue;
      if (this.random() >= r.rate) continue;
      r.hits++;
      if (r.times !== undefined && r.hits >= r.times) this.remove(r.id);
      return r;
    }
    return undefined;
  }

  delayMs(): number {
    const { fixedMs, jitterMs } = this.latency;
    return fixedMs + (jitterMs ? this.random() * jitterMs : 0);
  }

  chance(p: number): boolean {
    return p > 0 && this.random() < p;
  }
}

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
