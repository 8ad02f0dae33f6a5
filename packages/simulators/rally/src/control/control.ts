/** The control surface used by `/__sim/` and by tests in-process. */
import { z } from 'zod';
import type { Sim } from '../context.ts';
import { RallyError } from '../errors.ts';
import { findType } from '../state/schema.ts';
import { seedStandard } from '../state/seed.ts';
import type { RallyObject, RankSpec } from '../state/store.ts';
import type { RetryPolicy } from '../webhooks/registry.ts';
import {
  type Concurrency,
  ConcurrencyInput,
  type DeliveryFaults,
  DeliveryFaultsInput,
  type FaultRule,
  type FaultRuleInput,
  type Latency,
  LatencyInput,
} from './faults.ts';

export const ActAsInput = z.object({
  /** Username (e-mail) or ObjectID of the acting user. */
  user: z.union([z.string(), z.number()]),
  action: z.enum(['create', 'update', 'delete', 'rank']),
  /** Type for `create` (e.g. `HierarchicalRequirement`, `PortfolioItem/Feature`). */
  type: z.string().optional(),
  /** Ref, ObjectID or ObjectUUID of the object for update/delete/rank. */
  ref: z.union([z.string(), z.number()]).optional(),
  data: z.record(z.string(), z.unknown()).default({}),
  rank: z
    .union([
      z.object({ above: z.string() }),
      z.object({ below: z.string() }),
      z.object({ to: z.enum(['TOP', 'BOTTOM']) }),
    ])
    .optional(),
});
export type ActAsInput = z.input<typeof ActAsInput>;

export const TokenSettingsInput = z.object({
  accessTokenSeconds: z.number().int().min(1).optional(),
  refreshTokenSeconds: z.number().int().min(1).optional(),
  rotateRefreshTokens: z.boolean().optional(),
  reportRefreshTokenExpiry: z.boolean().optional(),
});

export const RetryInput = z.object({
  attempts: z.number().int().min(1).max(20).optional(),
  baseDelayMs: z.number().int().min(0).optional(),
  timeoutMs: z.number().int().min(1).optional(),
});

export class Control {
  private sim: Sim;

  constructor(sim: Sim) {
    this.sim = sim;
  }

  /** Back to the seeded subscription; faults, latency, webhooks, sessions and tokens cleared. */
  reset(seed: { extraStoriesPerProject?: number } = {}): void {
    this.sim.reset();
    if (seed.extraStoriesPerProject) {
      // reset() seeds the standard data; regenerate with extra stories when asked.
      this.sim.store.load({ nextOid: 10_000_000_001, counters: {}, objects: [] });
      seedStandard(this.sim.store, seed);
    }
    this.sim.changed();
  }

  setLatency(input: z.input<typeof LatencyInput>): Latency {
    this.sim.faults.latency = LatencyInput.parse(input);
    return this.sim.faults.latency;
  }

  addFault(input: FaultRuleInput): FaultRule {
    return this.sim.faults.add(input);
  }

  removeFault(id: string): boolean {
    return this.sim.faults.remove(id);
  }

  clearFaults(): void {
    this.sim.faults.rules = [];
  }

  setWebhookFaults(input: z.input<typeof DeliveryFaultsInput>): DeliveryFaults {
    this.sim.faults.deliveries = DeliveryFaultsInput.parse(input);
    return this.sim.faults.deliveries;
  }

  setConcurrency(input: z.input<typeof ConcurrencyInput>): Concurrency {
    this.sim.limiter.config = ConcurrencyInput.parse(input);
    return this.sim.limiter.config;
  }

  setTokenSettings(input: z.input<typeof TokenSettingsInput>) {
    const p = TokenSettingsInput.parse(input);
    if (p.accessTokenSeconds !== undefined)
      this.sim.auth.lifetimes.accessTokenSeconds = p.accessTokenSeconds;
    if (p.refreshTokenSeconds !== undefined)
      this.sim.auth.lifetimes.refreshTokenSeconds = p.refreshTokenSeconds;
    if (p.rotateRefreshTokens !== undefined)
      this.sim.auth.rotateRefreshTokens = p.rotateRefreshTokens;
    if (p.reportRefreshTokenExpiry !== undefined)
      this.sim.auth.reportRefreshTokenExpiry = p.reportRefreshTokenExpiry;
    return {
      ...this.sim.auth.lifetimes,
      rotateRefreshTokens: this.sim.auth.rotateRefreshTokens,
      reportRefreshTokenExpiry: this.sim.auth.reportRefreshTokenExpiry,
    };
  }

  /** Expire the access and/or refresh tokens issued so far. */
  expireTokens(kind: 'access' | 'refresh' | 'all' = 'access'): number {
    return this.sim.auth.expire(kind);
  }

  setWebhookRetry(input: z.input<typeof RetryInput>): RetryPolicy {
    const p = RetryInput.parse(input);
    Object.assign(
      this.sim.webhooks.retry,
      Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)),
    );
    return this.sim.webhooks.retry;
  }

  /** Resolves once every pending webhook delivery (with retries) is done. */
  flushWebhooks(): Promise<void> {
    return this.sim.webhooks.idle();
  }

  setMtls(required: boolean): void {
    if (required && !this.sim.mtls.available) {
      throw new RallyError(
        'mTLS needs the simulator to be started with tls: true (SIM_RALLY_TLS=1)',
        { status: 409 },
      );
    }
    this.sim.mtls.required = required;
  }

  /** Make a change as a Rally user (as if edited in Rally's UI); webhooks fire. */
  actAs(input: ActAsInput): RallyObject | null {
    const p = ActAsInput.parse(input);
    const store = this.sim.store;
    const user =
      typeof p.user === 'number'
        ? store.get(p.user)
        : [...store.list(findType('User')!)].find(
            (u) => String(u.values.UserName).toLowerCase() === p.user.toString().toLowerCase(),
          );
    if (user?.type !== 'User')
      throw new RallyError(`Unknown user ${String(p.user)}`, { status: 404 });
    const ctx = { userOid: user.oid, warnings: [] as string[] };
    const target = () => {
      const ref = p.ref;
      const o =
        typeof ref === 'number'
          ? store.find(ref)
          : ref
            ? (store.resolveRef(ref) ?? store.find(ref.toLowerCase()))
            : undefined;
      if (!o) throw new RallyError(`Cannot find object ${String(ref)}`, { status: 404 });
      return o;
    };
    let result: RallyObject | null = null;
    switch (p.action) {
      case 'create': {
        const t = findType(p.type ?? '');
        if (!t) throw new RallyError(`Unknown type ${String(p.type)}`, { status: 400 });
        result = store.create(t, p.data, ctx);
        break;
      }
      case 'update':
        result = store.update(target(), p.data, ctx);
        break;
      case 'rank': {
        const r = p.rank;
        if (!r) throw new RallyError('rank is required', { status: 400 });
        const anchor = (s: string) => {
          const o = store.resolveRef(s);
          if (!o) throw new RallyError(`Cannot find object ${s}`, { status: 404 });
          return o.oid;
        };
        const spec: RankSpec =
          'to' in r
            ? { to: r.to }
            : 'above' in r
              ? { above: anchor(r.above) }
              : { below: anchor(r.below) };
        result = store.update(target(), {}, ctx, spec);
        break;
      }
      case 'delete':
        store.delete(target(), ctx);
        break;
    }
    this.sim.changed();
    return result;
  }

  /** Restore a deleted artifact from the recycle bin (by the artifact's or the entry's ObjectID). */
  restore(oid: number, userOid: number | null = null): RallyObject {
    const store = this.sim.store;
    const entry = [...store.list(findType('RecycleBinEntry')!)].find(
      (e) => e.oid === oid || e.values.DeletedObject === oid,
    );
    if (!entry) throw new RallyError('Cannot find the recycle bin entry', { status: 404 });
    const o = store.restore(entry, userOid);
    this.sim.changed();
    return o;
  }
}
