/** The control surface behind `/__sim/` and used in-process by tests. */
import { z } from 'zod';
import type { TokenState } from '../auth/tokens.ts';
import type { Sim } from '../context.ts';
import { AdoError } from '../errors.ts';
import type { DeliveryPolicy, DeliveryRecord } from '../hooks/delivery.ts';
import { DEFAULT_USERS } from '../state/identities.ts';
import { current, type WorkItemRecord } from '../state/model.ts';
import { type SeedOptions, seedStandard } from '../state/seed.ts';
import {
  type PatchOperation,
  PatchOperation as PatchOperationSchema,
} from '../workitems/json-patch.ts';
import { findIdentity } from '../workitems/values.ts';
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
import { type RateLimitConfig, RateLimitInput } from './rate-limit.ts';

export const ActAsInput = z.object({
  /** Unique name (e-mail), display name or id of the acting user (default Jordan Developer). */
  user: z.string().default(DEFAULT_USERS[1]!.uniqueName),
  action: z.enum(['create', 'update', 'delete', 'restore']),
  /** Project name or id, for `create`. */
  project: z.string().optional(),
  /** Work item type, for `create`. */
  type: z.string().optional(),
  /** Work item id, for update/delete/restore. */
  id: z.number().int().positive().optional(),
  /** Field values to set (`null` clears one). */
  fields: z.record(z.string(), z.unknown()).default({}),
  /** Further JSON Patch operations (relations, tests…). */
  patch: z.array(PatchOperationSchema).default([]),
});
export type ActAsInput = z.input<typeof ActAsInput>;

export const DeliveryPolicyInput = z.object({
  timeScale: z.number().min(0).optional(),
  timeoutMs: z.number().int().min(1).optional(),
});

export class Control {
  private sim: Sim;

  constructor(sim: Sim) {
    this.sim = sim;
  }

  /** Back to the seeded organisation; faults, latency, subscriptions and usage cleared. */
  reset(seed: SeedOptions = {}): void {
    this.sim.reset();
    if (seed.extraWorkItems) seedStandard(this.sim.store, seed);
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

  /** Duplicated and reordered service-hook deliveries. */
  setWebhookFaults(input: z.input<typeof DeliveryFaultsInput>): DeliveryFaults {
    this.sim.faults.deliveries = DeliveryFaultsInput.parse(input);
    return this.sim.faults.deliveries;
  }

  setConcurrency(input: z.input<typeof ConcurrencyInput>): Concurrency {
    this.sim.concurrency.config = ConcurrencyInput.parse(input);
    return this.sim.concurrency.config;
  }

  /** Highest number of simultaneous requests seen per user (unique name), since the last reset. */
  concurrencyPeaks(): Record<string, number> {
    return Object.fromEntries(
      [...this.sim.concurrency.peak.entries()].map(([id, n]) => [
        this.sim.store.user(id)?.uniqueName ?? id,
        n,
      ]),
    );
  }

  setRateLimit(input: z.input<typeof RateLimitInput>): RateLimitConfig {
    this.sim.rateLimit.config = RateLimitInput.parse({ ...this.sim.rateLimit.config, ...input });
    this.sim.rateLimit.reset();
    return this.sim.rateLimit.config;
  }

  setWebhookRetry(input: z.input<typeof DeliveryPolicyInput>): DeliveryPolicy {
    const p = DeliveryPolicyInput.parse(input);
    if (p.timeScale !== undefined) this.sim.hooks.policy.timeScale = p.timeScale;
    if (p.timeoutMs !== undefined) this.sim.hooks.policy.timeoutMs = p.timeoutMs;
    return this.sim.hooks.policy;
  }

  deliveries(): DeliveryRecord[] {
    return this.sim.hooks.log;
  }

  /** Resolves once every pending delivery (retries included) is done. */
  flushWebhooks(): Promise<void> {
    return this.sim.hooks.idle();
  }

  setTokenState(token: string, state: TokenState) {
    const t = this.sim.tokens.setState(token, state);
    if (!t) throw new AdoError('Unknown token', { status: 404, typeKey: 'TokenNotFoundException' });
    this.sim.changed();
    return t;
  }

  /** A change made "in Azure DevOps" by a person; service hooks fire as for API writes. */
  actAs(input: ActAsInput): WorkItemRecord {
    const p = ActAsInput.parse(input);
    const user = findIdentity(this.sim.store.users, p.user);
    if (!user)
      throw new AdoError(`Unknown user ${p.user}`, {
        status: 404,
        typeKey: 'IdentityNotFoundException',
      });
    const ops: PatchOperation[] = [
      ...Object.entries(p.fields).map(([ref, value]) =>
        value === null
          ? { op: 'remove' as const, path: `/fields/${ref}` }
          : { op: 'add' as const, path: `/fields/${ref}`, value },
      ),
      ...p.patch,
    ];
    const requireId = () => {
      if (!p.id)
        throw new AdoError('id is required', { status: 400, typeKey: 'ArgumentException' });
      return p.id;
    };
    let item: WorkItemRecord;
    switch (p.action) {
      case 'create': {
        if (!p.project || !p.type)
          throw new AdoError('project and type are required', {
            status: 400,
            typeKey: 'ArgumentException',
          });
        item = this.sim.store.createWorkItem(this.sim.store.project(p.project), p.type, ops, {
          userId: user.id,
        }).item;
        break;
      }
      case 'update':
        item = this.sim.store.updateWorkItem(requireId(), ops, { userId: user.id }).item;
        break;
      case 'delete':
        item = this.sim.store.deleteWorkItem(requireId(), user.id);
        break;
      case 'restore':
        item = this.sim.store.restoreWorkItem(requireId(), user.id);
        break;
    }
    this.sim.changed();
    return item;
  }

  /** What the recycle bin's Restore does, as the seeded full-scope user. */
  restore(id: number): WorkItemRecord {
    const item = this.sim.store.restoreWorkItem(id, DEFAULT_USERS[0]!.id);
    this.sim.changed();
    return item;
  }

  workItem(id: number) {
    const item = this.sim.store.workItems.get(id);
    return item ? { id: item.id, deleted: item.deleted, ...current(item) } : null;
  }
}
