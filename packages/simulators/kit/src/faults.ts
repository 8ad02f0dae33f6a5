/** Latency, fault rules and delivery faults: what tests switch on and off in a simulator. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export const FaultRuleInput = z.object({
  id: z.string().optional(),
  /** HTTP method to match (any when absent). */
  method: z.string().optional(),
  /** Regular expression tested against the path and query string (any when absent). */
  path: z.string().optional(),
  /**
   * Regular expression tested against the request body (any when absent): picks one test's
   * request (by a record name in it) when several tests share the simulator.
   */
  bodyMatches: z.string().optional(),
  /** Answer with `status`; cut the connection before or after the write commits; or hang. */
  action: z.enum(['status', 'drop', 'drop-after-commit', 'hang']).default('status'),
  status: z.number().int().min(100).max(599).optional(),
  /** Body to answer `status` with (default: the simulated system's own error shape). */
  body: z.unknown().optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  /** How long `hang` waits before answering `status` (the system's gateway timeout). */
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
  /** Probability that a webhook delivery is sent twice. */
  duplicateRate: z.number().min(0).max(1).default(0),
  /** Probability that a delivery is held back and sent after the next one. */
  reorderRate: z.number().min(0).max(1).default(0),
});
export type DeliveryFaults = z.output<typeof DeliveryFaultsInput>;

export class Faults {
  rules: FaultRule[] = [];
  latency: Latency = { fixedMs: 0, jitterMs: 0 };
  deliveries: DeliveryFaults = { duplicateRate: 0, reorderRate: 0 };
  private readonly random: () => number;
  /** Rally's URLs are case-sensitive, Azure DevOps's are not: rules match paths the same way. */
  private readonly pathFlags: string;

  constructor(options: { random?: () => number; caseInsensitivePaths?: boolean } = {}) {
    this.random = options.random ?? Math.random;
    this.pathFlags = options.caseInsensitivePaths ? 'i' : '';
  }

  add(input: FaultRuleInput): FaultRule {
    const parsed = FaultRuleInput.parse(input);
    if (parsed.path) new RegExp(parsed.path, this.pathFlags);
    if (parsed.bodyMatches) new RegExp(parsed.bodyMatches);
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

  /** Whether any rule looks at request bodies (only then is a body read before the route). */
  get matchesBodies(): boolean {
    return this.rules.some((r) => r.bodyMatches !== undefined);
  }

  /** The first rule that fires for this request (uses up one of its `times`). */
  match(method: string, pathAndQuery: string, body = ''): FaultRule | undefined {
    for (const r of this.rules) {
      if (r.method && r.method.toUpperCase() !== method.toUpperCase()) continue;
      if (r.path && !new RegExp(r.path, this.pathFlags).test(pathAndQuery)) continue;
      if (r.bodyMatches && !new RegExp(r.bodyMatches).test(body)) continue;
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
