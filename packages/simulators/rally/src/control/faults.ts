/** Latency, fault rules and the per-user concurrency limit (the parts tests switch on and off). */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export const FaultRuleInput = z.object({
  id: z.string().optional(),
  /** HTTP method to match (any when absent). */
  method: z.string().optional(),
  /** Regular expression tested against the path and query string (any when absent). */
  path: z.string().optional(),
  /** What to do: answer with `status`, drop the connection before or after the write commits, or hang. */
  action: z.enum(['status', 'drop', 'drop-after-commit', 'hang']).default('status'),
  status: z.number().int().min(100).max(599).optional(),
  /** Body to send with `status` (defaults to an OperationResult carrying an error). */
  body: z.unknown().optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  /** How long `hang` waits before answering `status` (default 524, as Rally's gateway does). */
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

export const WebhookFaultsInput = z.object({
  /** Probability that a delivery is sent twice. */
  duplicateRate: z.number().min(0).max(1).default(0),
  /** Probability that a delivery is held back and sent after the next one. */
  reorderRate: z.number().min(0).max(1).default(0),
});
export type WebhookFaults = z.output<typeof WebhookFaultsInput>;

export const ConcurrencyInput = z.object({
  /** Simultaneous requests per user (Rally: 12). */
  limit: z.number().int().min(1).default(12),
  /** Rally queues requests past the limit; `reject` answers 429 instead (for testing back-off). */
  mode: z.enum(['queue', 'reject']).default('queue'),
});
export type Concurrency = z.output<typeof ConcurrencyInput>;

export class Faults {
  rules: FaultRule[] = [];
  latency: Latency = { fixedMs: 0, jitterMs: 0 };
  webhooks: WebhookFaults = { duplicateRate: 0, reorderRate: 0 };
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
    this.webhooks = { duplicateRate: 0, reorderRate: 0 };
  }

  /** The first rule that fires for this request (consumes one of its `times`). */
  match(method: string, pathAndQuery: string): FaultRule | undefined {
    for (const r of this.rules) {
      if (r.method && r.method.toUpperCase() !== method.toUpperCase()) continue;
      if (r.path && !new RegExp(r.path).test(pathAndQuery)) continue;
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
