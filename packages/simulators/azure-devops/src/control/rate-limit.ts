/**
 * Azure DevOps's throughput limit: each request costs TSTUs, counted per identity over a sliding
 * window. Past half the budget the X-RateLimit-* headers appear; past the budget requests are
 * delayed (X-RateLimit-Delay); past the block threshold they get 429 TF400733 with Retry-After.
 */
import { z } from 'zod';

export const RateLimitInput = z.object({
  enabled: z.boolean().default(true),
  /** TSTUs allowed per window before delays (Azure DevOps: 200 per five minutes). */
  budget: z.number().positive().default(200),
  windowSeconds: z.number().int().positive().default(300),
  /** Usage (as a multiple of the budget) from which requests are refused with 429. */
  blockAt: z.number().min(1).default(1.5),
  /** Delay added to each request between the budget and the block threshold. */
  delayMs: z.number().int().min(0).default(100),
  /** TSTUs per request kind. */
  costs: z
    .object({
      read: z.number().min(0).default(0.002),
      list: z.number().min(0).default(0.005),
      write: z.number().min(0).default(0.01),
      query: z.number().min(0).default(0.02),
    })
    .default({ read: 0.002, list: 0.005, write: 0.01, query: 0.02 }),
});
export type RateLimitConfig = z.output<typeof RateLimitInput>;
export type CostKind = keyof RateLimitConfig['costs'];

export type RateDecision =
  | { action: 'pass'; headers: Record<string, string> }
  | { action: 'delay'; delayMs: number; headers: Record<string, string> }
  | { action: 'block'; retryAfterSeconds: number; headers: Record<string, string> };

/** One identity's charges in time order, with their running sum (evicted from the front). */
class Window {
  entries: Array<{ at: number; cost: number }> = [];
  head = 0;
  sum = 0;

  evictBefore(from: number): void {
    while (this.head < this.entries.length && this.entries[this.head]!.at <= from) {
      this.sum -= this.entries[this.head]!.cost;
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    if (this.head === this.entries.length) this.sum = 0;
  }

  live(): Array<{ at: number; cost: number }> {
    return this.entries.slice(this.head);
  }
}

export class RateLimiter {
  config: RateLimitConfig = RateLimitInput.parse({});
  private usage = new Map<string, Window>();

  reset(): void {
    this.usage.clear();
  }

  used(identity: string, nowMs: number): number {
    return this.window(identity, nowMs).sum;
  }

  private window(identity: string, nowMs: number): Window {
    let w = this.usage.get(identity);
    if (!w) {
      w = new Window();
      this.usage.set(identity, w);
    }
    w.evictBefore(nowMs - this.config.windowSeconds * 1000);
    return w;
  }

  /** Charge one request and decide what happens to it. */
  charge(identity: string, kind: CostKind, nowMs: number): RateDecision {
    if (!this.config.enabled) return { action: 'pass', headers: {} };
    const { budget, blockAt } = this.config;
    const w = this.window(identity, nowMs);
    const before = w.sum;
    if (before >= budget * blockAt) {
      const retryAfterSeconds = this.secondsUntilBelow(w.live(), budget, nowMs);
      return { action: 'block', retryAfterSeconds, headers: this.headers(before, nowMs) };
    }
    const cost = this.config.costs[kind];
    w.entries.push({ at: nowMs, cost });
    w.sum += cost;
    const used = w.sum;
    const headers = used > budget / 2 ? this.headers(used, nowMs) : {};
    if (used > budget && this.config.delayMs > 0) {
      const delayMs = this.config.delayMs;
      return {
        action: 'delay',
        delayMs,
        headers: { ...headers, 'X-RateLimit-Delay': (delayMs / 1000).toFixed(3) },
      };
    }
    return { action: 'pass', headers };
  }

  private headers(used: number, nowMs: number): Record<string, string> {
    return {
      'X-RateLimit-Resource': 'ATCPU',
      'X-RateLimit-Limit': String(this.config.budget),
      'X-RateLimit-Remaining': String(Math.max(0, Math.floor(this.config.budget - used))),
      'X-RateLimit-Reset': String(Math.ceil((nowMs + this.config.windowSeconds * 1000) / 1000)),
    };
  }

  /** Seconds until enough of the window has expired to be back under the budget. */
  private secondsUntilBelow(
    entries: Array<{ at: number; cost: number }>,
    budget: number,
    nowMs: number,
  ): number {
    let used = entries.reduce((sum, e) => sum + e.cost, 0);
    for (const e of entries) {
      used -= e.cost;
      if (used < budget)
        return Math.max(1, Math.ceil((e.at + this.config.windowSeconds * 1000 - nowMs) / 1000));
    }
    return 1;
  }
}
