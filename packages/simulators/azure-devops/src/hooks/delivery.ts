/**
 * Delivering events to web hooks the way Azure DevOps does: one POST per event and subscription,
 * basic auth and extra headers from the consumer inputs; transient failures (408, 502, 503, 504,
 * timeouts) retried up to 8 times after 1, 2, 4, 8, 16, 32, 60, 60 s; any other failure puts the
 * subscription on probation with retries after 20, 40, 80, 160, 320, 640, 900 min, and the 7th
 * failed probation retry disables it (`disabledBySystem`); 410 Gone disables it at once. Waits are
 * multiplied by `timeScale` so tests and the demo need not wait hours.
 */
import { DeliveryDispatcher } from '@tandem/sim-kit';
import type { Faults } from '../control/faults.ts';
import type { Store, WorkItemEvent } from '../state/store.ts';
import { buildEvent, type EventEnvelope } from './payload.ts';
import { matches, type Subscription } from './subscriptions.ts';

export const TRANSIENT_WAITS_S = [1, 2, 4, 8, 16, 32, 60, 60];
export const PROBATION_WAITS_S = [20, 40, 80, 160, 320, 640, 900].map((m) => m * 60);
const TRANSIENT_STATUSES = new Set([408, 502, 503, 504]);

export interface DeliveryPolicy {
  /** Multiplier on Azure DevOps's real waits (1 = real time). */
  timeScale: number;
  /** How long one attempt may take before it counts as a timeout (transient). */
  timeoutMs: number;
}

export interface DeliveryRecord {
  subscriptionId: string;
  notificationId: number;
  eventId: string;
  eventType: string;
  workItemId: number;
  attempt: number;
  status: number | null;
  error: string | null;
  outcome: 'succeeded' | 'transient' | 'probation' | 'disabled';
  at: string;
}

export class ServiceHooks {
  subscriptions = new Map<string, Subscription>();
  log: DeliveryRecord[] = [];
  policy: DeliveryPolicy;
  enabled = true;
  private store: Store;
  private readonly dispatcher: DeliveryDispatcher;
  private orgUrl: () => string;
  private collectionId: string;
  private sleepers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  private stopped = false;

  constructor(opts: {
    store: Store;
    faults: Faults;
    orgUrl: () => string;
    collectionId: string;
    policy: DeliveryPolicy;
  }) {
    this.store = opts.store;
    this.dispatcher = new DeliveryDispatcher(opts.faults);
    this.orgUrl = opts.orgUrl;
    this.collectionId = opts.collectionId;
    this.policy = { ...opts.policy };
    this.store.onChange((e) => this.onChange(e));
  }

  private onChange(e: WorkItemEvent): void {
    if (!this.enabled) return;
    const targets = [...this.subscriptions.values()].filter((s) => matches(s, e, this.store));
    if (targets.length === 0) return;
    const envelopeFor = buildEvent(e, {
      store: this.store,
      orgUrl: this.orgUrl(),
      collectionId: this.collectionId,
      now: this.store.now().toISOString(),
    });
    for (const s of targets) {
      s.lastNotificationId += 1;
      this.schedule(s.id, envelopeFor(s, s.lastNotificationId));
    }
  }

  private schedule(subscriptionId: string, envelope: EventEnvelope): void {
    this.stopped = false;
    this.dispatcher.dispatch(subscriptionId, () => this.deliver(subscriptionId, envelope));
  }

  private async post(
    s: Subscription,
    envelope: EventEnvelope,
  ): Promise<{ status: number | null; error: string | null }> {
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'VSServices/16.255.0 (azure-devops-simulator)',
    };
    const { basicAuthUsername: user, basicAuthPassword: password, httpHeaders } = s.consumerInputs;
    if (user || password)
      headers.authorization = `Basic ${Buffer.from(`${user ?? ''}:${password ?? ''}`).toString('base64')}`;
    for (const line of (httpHeaders ?? '').split(/\r?\n/)) {
      const i = line.indexOf(':');
      if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    try {
      const res = await fetch(s.consumerInputs.url!, {
        method: 'POST',
        headers,
        body: JSON.stringify(envelope),
        signal: AbortSignal.timeout(this.policy.timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      return { status: res.status, error: null };
    } catch (err) {
      const timeout = err instanceof Error && err.name === 'TimeoutError';
      return {
        status: timeout ? 408 : null,
        error: err instanceof Error ? err.message : String(err),
      };
    }
  }

  private async deliver(subscriptionId: string, envelope: EventEnvelope): Promise<void> {
    let transientRetries = 0;
    for (let attempt = 1; ; attempt++) {
      const s = this.subscriptions.get(subscriptionId);
      if (!s || (s.status !== 'enabled' && s.status !== 'onProbation') || this.stopped) return;
      const { status, error } = await this.post(s, envelope);
      const ok = status !== null && status >= 200 && status < 300;
      let outcome: DeliveryRecord['outcome'];
      let waitS: number | null = null;
      if (ok) {
        outcome = 'succeeded';
        s.status = 'enabled';
        s.probationRetries = 0;
      } else if (status === 410) {
        outcome = 'disabled';
        s.status = 'disabledBySystem';
      } else if (
        status !== null &&
        TRANSIENT_STATUSES.has(status) &&
        transientRetries < TRANSIENT_WAITS_S.length &&
        s.status === 'enabled'
      ) {
        outcome = 'transient';
        waitS = TRANSIENT_WAITS_S[transientRetries++]!;
      } else {
        // Enduring failure: probation, retried on the subscription's own schedule.
        if (s.status === 'onProbation') s.probationRetries += 1;
        if (s.probationRetries >= PROBATION_WAITS_S.length) {
          outcome = 'disabled';
          s.status = 'disabledBySystem';
        } else {
          outcome = 'probation';
          s.status = 'onProbation';
          waitS = PROBATION_WAITS_S[s.probationRetries]!;
        }
      }
      this.record(s, envelope, attempt, status, error, outcome);
      if (waitS === null) return;
      await this.sleep(waitS * 1000 * this.policy.timeScale);
    }
  }

  private record(
    s: Subscription,
    envelope: EventEnvelope,
    attempt: number,
    status: number | null,
    error: string | null,
    outcome: DeliveryRecord['outcome'],
  ): void {
    const resource = envelope.resource as { workItemId?: number; id?: number } | null;
    this.log.push({
      subscriptionId: s.id,
      notificationId: envelope.notificationId,
      eventId: envelope.id,
      eventType: envelope.eventType,
      workItemId: resource?.workItemId ?? resource?.id ?? 0,
      attempt,
      status,
      error,
      outcome,
      at: this.store.now().toISOString(),
    });
    if (this.log.length > 2000) this.log.splice(0, this.log.length - 2000);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.sleepers.delete(entry);
          resolve();
        }, ms),
        wake: resolve,
      };
      this.sleepers.add(entry);
    });
  }

  /** Resolves once every delivery under way (retries included) has finished. */
  idle(): Promise<void> {
    return this.dispatcher.idle();
  }

  /** Cut every wait short and stop retrying (reset, close). */
  stop(): void {
    this.stopped = true;
    this.dispatcher.clear();
    for (const s of this.sleepers) {
      clearTimeout(s.timer);
      s.wake();
    }
    this.sleepers.clear();
  }
}
