/** Webhook rules (the pigeon management API's objects), matching, and delivery with retries. */
import { randomUUID } from 'node:crypto';
import { DeliveryDispatcher } from '@tandem/sim-kit';
import { z } from 'zod';
import type { Faults } from '../control/faults.ts';
import { parseRef } from '../state/refs.ts';
import { CONCRETE_TYPES, findAttr, typeSpec } from '../state/schema.ts';
import type { ChangeEvent, RallyObject, Store } from '../state/store.ts';
import { buildMessage, findAttributeById } from './payload.ts';

export const EXPRESSION_OPERATORS = [
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '~',
  '!~',
  'changed',
  'has',
  '!has',
  'project',
] as const;

const Expression = z.object({
  AttributeID: z.string().nullish(),
  AttributeName: z.string().nullish(),
  Operator: z.enum(EXPRESSION_OPERATORS),
  Value: z.union([z.string(), z.number(), z.boolean()]).nullish(),
});

const WEBHOOK_TYPE_NAMES = CONCRETE_TYPES.map((t) => t.webhookName);

export const WebhookInput = z.object({
  Name: z.string().min(1).max(256),
  AppName: z.string().max(256).nullish(),
  AppUrl: z.string().max(2000).nullish(),
  TargetUrl: z.url({ protocol: /^https?$/ }),
  ObjectTypes: z
    .array(z.string())
    .min(1)
    .refine(
      (xs) => xs.every((x) => WEBHOOK_TYPE_NAMES.some((n) => n.toLowerCase() === x.toLowerCase())),
      {
        message:
          'ObjectTypes must be type names such as HierarchicalRequirement, Defect, Task, Feature, Initiative',
      },
    ),
  Expressions: z.array(Expression).default([]),
  CreatedBy: z.string().max(256).nullish(),
  Disabled: z.boolean().default(false),
});

export interface Webhook {
  _ref: string;
  _type: 'webhook';
  _objectVersion: number;
  ObjectUUID: string;
  Name: string;
  AppName: string | null;
  AppUrl: string | null;
  TargetUrl: string;
  ObjectTypes: string[];
  Expressions: Array<{
    AttributeID: string | null;
    AttributeName: string | null;
    Operator: string;
    Value: unknown;
  }>;
  SubscriptionID: number;
  OwnerID: string;
  CreatedBy: string | null;
  CreationDate: string;
  LastUpdateDate: string;
  Disabled: boolean;
  FireCount: number;
  ErrorCount: number;
  LastSuccess: string | null;
  LastFailure: string | null;
  LastStatus: string | null;
  LastWebhookResponseTime: number | null;
}

export interface DeliveryRecord {
  webhook: string;
  messageId: string;
  action: string;
  objectType: string;
  objectId: string;
  attempt: number;
  status: number | null;
  error: string | null;
  at: string;
}

export interface RetryPolicy {
  /** Attempts per delivery, the first included. */
  attempts: number;
  /** Delay before the second attempt; doubled for each further attempt. */
  baseDelayMs: number;
  /** How long one attempt may take. */
  timeoutMs: number;
}

export class Webhooks {
  hooks = new Map<string, Webhook>();
  log: DeliveryRecord[] = [];
  retry: RetryPolicy;
  enabled = true;
  private store: Store;
  private readonly dispatcher: DeliveryDispatcher;
  private base: () => string;
  private now: () => Date;
  private timers = new Set<NodeJS.Timeout>();

  constructor(opts: {
    store: Store;
    faults: Faults;
    base: () => string;
    retry: RetryPolicy;
    now: () => Date;
  }) {
    this.store = opts.store;
    this.dispatcher = new DeliveryDispatcher(opts.faults);
    this.base = opts.base;
    this.retry = { ...opts.retry };
    this.now = opts.now;
    this.store.onChange((e) => this.onChange(e));
  }

  create(input: unknown, owner: RallyObject): Webhook {
    const p = WebhookInput.parse(input);
    const now = this.now().toISOString();
    const id = randomUUID();
    const hook: Webhook = {
      _ref: `${this.base()}/apps/pigeon/api/v2/webhook/${id}`,
      _type: 'webhook',
      _objectVersion: 1,
      ObjectUUID: id,
      Name: p.Name,
      AppName: p.AppName ?? null,
      AppUrl: p.AppUrl ?? null,
      TargetUrl: p.TargetUrl,
      ObjectTypes: p.ObjectTypes,
      Expressions: p.Expressions.map((x) => ({
        AttributeID: x.AttributeID ?? null,
        AttributeName: x.AttributeName ?? null,
        Operator: x.Operator,
        Value: x.Value ?? null,
      })),
      SubscriptionID: this.subscriptionId(),
      OwnerID: owner.uuid,
      CreatedBy: p.CreatedBy ?? null,
      CreationDate: now,
      LastUpdateDate: now,
      Disabled: p.Disabled,
      FireCount: 0,
      ErrorCount: 0,
      LastSuccess: null,
      LastFailure: null,
      LastStatus: null,
      LastWebhookResponseTime: null,
    };
    this.hooks.set(id, hook);
    return hook;
  }

  update(id: string, input: unknown): Webhook | undefined {
    const hook = this.hooks.get(id);
    if (!hook) return undefined;
    const p = WebhookInput.partial().parse(input);
    const merged: Webhook = {
      ...hook,
      ...(p.Name !== undefined && { Name: p.Name }),
      ...(p.AppName !== undefined && { AppName: p.AppName ?? null }),
      ...(p.AppUrl !== undefined && { AppUrl: p.AppUrl ?? null }),
      ...(p.TargetUrl !== undefined && { TargetUrl: p.TargetUrl }),
      ...(p.ObjectTypes !== undefined && { ObjectTypes: p.ObjectTypes }),
      ...(p.CreatedBy !== undefined && { CreatedBy: p.CreatedBy ?? null }),
      ...(p.Disabled !== undefined && { Disabled: p.Disabled }),
      ...(p.Expressions !== undefined && {
        Expressions: p.Expressions.map((x) => ({
          AttributeID: x.AttributeID ?? null,
          AttributeName: x.AttributeName ?? null,
          Operator: x.Operator,
          Value: x.Value ?? null,
        })),
      }),
      _objectVersion: hook._objectVersion + 1,
      LastUpdateDate: this.now().toISOString(),
    };
    this.hooks.set(id, merged);
    return merged;
  }

  /** Render with the current base URL (the port may differ after a restart). */
  render(h: Webhook): Webhook {
    return { ...h, _ref: `${this.base()}/apps/pigeon/api/v2/webhook/${h.ObjectUUID}` };
  }

  private subscriptionId(): number {
    const oid = this.store.subscriptionOid();
    return Number((oid !== null && this.store.get(oid)?.values.SubscriptionID) || 0);
  }

  /** Whether a change matches a webhook's object types and expressions (all ANDed). */
  matches(h: Webhook, e: ChangeEvent): boolean {
    if (h.Disabled) return false;
    const t = typeSpec(e.object.type);
    if (!h.ObjectTypes.some((n) => n.toLowerCase() === t.webhookName.toLowerCase())) return false;
    return h.Expressions.every((x) => this.expressionHolds(x, e));
  }

  private expressionHolds(x: Webhook['Expressions'][number], e: ChangeEvent): boolean {
    const o = e.object;
    const t = typeSpec(o.type);
    if (x.Operator === 'project') {
      const project = typeof o.values.Project === 'number' ? o.values.Project : null;
      const scope = this.store.getByUuid(String(x.Value ?? ''));
      if (project === null || !scope) return false;
      return this.store.projectDescendants(scope.oid).has(project);
    }
    const a = x.AttributeID
      ? findAttributeById(t, x.AttributeID)
      : findAttr(t, x.AttributeName ?? '');
    if (!a) return false;
    if (x.Operator === 'changed')
      return e.action === 'Created' || e.changes.some((c) => c.attr.name === a.name);
    const raw = o.values[a.name];
    const present =
      raw !== null && raw !== undefined && raw !== '' && !(Array.isArray(raw) && raw.length === 0);
    if (x.Operator === 'has') return present;
    if (x.Operator === '!has') return !present;
    // Reference values compare by UUID (or ref); others as strings/numbers.
    const actual = (v: unknown): string => {
      if (typeof v === 'number' && (a.type === 'OBJECT' || (a.type === 'STATE' && !a.allowed)))
        return this.store.get(v)?.uuid ?? '';
      return v === null || v === undefined ? '' : String(v);
    };
    const wanted = (s: string): string => {
      const ref = parseRef(s);
      if (ref && (a.type === 'OBJECT' || a.type === 'STATE')) {
        const target = this.store.find(ref.id);
        return target?.uuid ?? s;
      }
      return s;
    };
    const values = Array.isArray(raw) ? raw.map(actual) : [actual(raw)];
    const value = String(x.Value ?? '');
    switch (x.Operator) {
      case '=':
        return values.some((v) => v.toLowerCase() === wanted(value).toLowerCase());
      case '!=':
        return values.every((v) => v.toLowerCase() !== wanted(value).toLowerCase());
      case '~':
        return value
          .split(',')
          .map((s) => wanted(s.trim()).toLowerCase())
          .some((w) => values.some((v) => v.toLowerCase() === w));
      case '!~':
        return !value
          .split(',')
          .map((s) => wanted(s.trim()).toLowerCase())
          .some((w) => values.some((v) => v.toLowerCase() === w));
      default: {
        const n = Number(raw);
        const m = Number(value);
        const order = a.allowed
          ? a.allowed.indexOf(String(raw)) - a.allowed.indexOf(value)
          : Number.isFinite(n) && Number.isFinite(m)
            ? n - m
            : String(raw ?? '').localeCompare(value);
        if (x.Operator === '<') return order < 0;
        if (x.Operator === '<=') return order <= 0;
        if (x.Operator === '>') return order > 0;
        return order >= 0;
      }
    }
  }

  private onChange(e: ChangeEvent): void {
    if (!this.enabled) return;
    for (const h of this.hooks.values()) {
      if (!this.matches(h, e)) continue;
      const message = buildMessage({ store: this.store, base: this.base() }, e, h.SubscriptionID);
      this.schedule(h.ObjectUUID, message, e.timestamp);
    }
  }

  private schedule(hookId: string, message: Record<string, unknown>, eventTime: number): void {
    this.dispatcher.dispatch(hookId, () => this.deliver(hookId, message, eventTime));
  }

  private async deliver(
    hookId: string,
    message: Record<string, unknown>,
    eventTime: number,
  ): Promise<void> {
    for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
      const hook = this.hooks.get(hookId);
      if (!hook || hook.Disabled) return;
      const started = Date.now();
      const transaction = message.transaction as Record<string, unknown>;
      transaction.message_lag = Math.max(0, this.now().getTime() - eventTime);
      const body = JSON.stringify({
        message,
        rule: this.render(hook),
        Timestamp: this.now().toISOString(),
      });
      let status: number | null = null;
      let error: string | null = null;
      try {
        const res = await fetch(hook.TargetUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Rally-Webhooks (rally-sim)',
          },
          body,
          signal: AbortSignal.timeout(this.retry.timeoutMs),
        });
        status = res.status;
        await res.arrayBuffer().catch(() => undefined);
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
      const ok = status !== null && status >= 200 && status < 300;
      const at = this.now().toISOString();
      const current = this.hooks.get(hookId);
      if (current) {
        current.FireCount += 1;
        current.LastWebhookResponseTime = Date.now() - started;
        current.LastStatus = status === null ? error : String(status);
        if (ok) current.LastSuccess = at;
        else {
          current.ErrorCount += 1;
          current.LastFailure = at;
        }
      }
      this.log.push({
        webhook: hookId,
        messageId: String(message.message_id),
        action: String(message.action),
        objectType: String(message.object_type),
        objectId: String(message.object_id),
        attempt,
        status,
        error,
        at,
      });
      if (this.log.length > 1000) this.log.splice(0, this.log.length - 1000);
      if (ok || attempt === this.retry.attempts) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(
          () => {
            this.timers.delete(timer);
            resolve();
          },
          this.retry.baseDelayMs * 2 ** (attempt - 1),
        );
        this.timers.add(timer);
      });
    }
  }

  /** Wait until every queued delivery (including retries) has finished. */
  idle(): Promise<void> {
    return this.dispatcher.idle();
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.dispatcher.clear();
  }
}
