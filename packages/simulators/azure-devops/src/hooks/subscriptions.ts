/** Service-hook subscriptions (publisher `tfs`, consumer `webHooks`/`httpRequest`) and their filters. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AdoError } from '../errors.ts';
import { isUnder } from '../state/classification.ts';
import type { Store, WorkItemEvent } from '../state/store.ts';
import { tagList } from '../workitems/values.ts';

export const EVENT_TYPES = [
  'workitem.created',
  'workitem.updated',
  'workitem.deleted',
  'workitem.restored',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type SubscriptionStatus =
  | 'enabled'
  | 'onProbation'
  | 'disabledByUser'
  | 'disabledBySystem'
  | 'disabledByInactiveIdentity';

const inputs = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean()]).transform(String),
);

export const SubscriptionInput = z.object({
  publisherId: z.literal('tfs'),
  eventType: z.enum(EVENT_TYPES),
  resourceVersion: z.string().default('1.0'),
  consumerId: z.literal('webHooks'),
  consumerActionId: z.literal('httpRequest'),
  publisherInputs: inputs.refine((p) => Boolean(p.projectId), {
    message: 'publisherInputs.projectId is required',
  }),
  consumerInputs: inputs.refine((c) => /^https?:\/\/\S+$/i.test(c.url ?? ''), {
    message: 'consumerInputs.url must be an http(s) URL',
  }),
  status: z
    .enum([
      'enabled',
      'onProbation',
      'disabledByUser',
      'disabledBySystem',
      'disabledByInactiveIdentity',
    ])
    .optional(),
});
export type SubscriptionInput = z.input<typeof SubscriptionInput>;

export interface Subscription {
  id: string;
  publisherId: 'tfs';
  eventType: EventType;
  resourceVersion: string;
  consumerId: 'webHooks';
  consumerActionId: 'httpRequest';
  publisherInputs: Record<string, string>;
  consumerInputs: Record<string, string>;
  status: SubscriptionStatus;
  probationRetries: number;
  createdBy: string;
  createdDate: string;
  modifiedBy: string;
  modifiedDate: string;
  tfsSubscriptionId: string;
  /** Last notificationId handed out (one per event and subscription). */
  lastNotificationId: number;
}

export function invalidSubscription(message: string): AdoError {
  return new AdoError(message, {
    status: 400,
    typeKey: 'VssPropertyValidationException',
    namespace: 'Microsoft.VisualStudio.Services.Common',
  });
}

export function parseSubscription(body: unknown, store: Store): z.output<typeof SubscriptionInput> {
  const parsed = SubscriptionInput.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidSubscription(
      `VS1010004: The subscription is not valid: ${issue.path.join('.') || 'body'}: ${issue.message}.`,
    );
  }
  store.project(parsed.data.publisherInputs.projectId!);
  return parsed.data;
}

export function newSubscription(
  input: z.output<typeof SubscriptionInput>,
  userId: string,
  now: string,
): Subscription {
  return {
    id: randomUUID(),
    publisherId: 'tfs',
    eventType: input.eventType,
    resourceVersion: input.resourceVersion,
    consumerId: 'webHooks',
    consumerActionId: 'httpRequest',
    publisherInputs: input.publisherInputs,
    consumerInputs: input.consumerInputs,
    status: input.status ?? 'enabled',
    probationRetries: 0,
    createdBy: userId,
    createdDate: now,
    modifiedBy: userId,
    modifiedDate: now,
    tfsSubscriptionId: randomUUID(),
    lastNotificationId: 0,
  };
}

const SECRET_INPUTS = new Set(['basicAuthPassword']);

function describeFilters(s: Subscription): string {
  const p = s.publisherInputs;
  const parts: string[] = [];
  if (p.areaPath) parts.push(`Area path under ${p.areaPath}`);
  if (p.workItemType) parts.push(`Work item type is ${p.workItemType}`);
  if (p.tag) parts.push(`Tag is ${p.tag}`);
  if (p.changedFields) parts.push(`Changed fields: ${p.changedFields}`);
  return parts.length ? parts.join(', ') : 'Any work item';
}

export function renderSubscription(s: Subscription, orgUrl: string) {
  const { lastNotificationId: _last, tfsSubscriptionId, ...rest } = s;
  let host = '';
  try {
    host = new URL(s.consumerInputs.url ?? '').host;
  } catch {}
  return {
    ...rest,
    publisherInputs: { ...s.publisherInputs, tfsSubscriptionId },
    consumerInputs: Object.fromEntries(
      Object.entries(s.consumerInputs).map(([k, v]) => [
        k,
        SECRET_INPUTS.has(k) && v ? '********' : v,
      ]),
    ),
    url: `${orgUrl}/_apis/hooks/subscriptions/${s.id}`,
    eventDescription: describeFilters(s),
    actionDescription: `To host ${host}`,
    createdBy: { id: s.createdBy },
    modifiedBy: { id: s.modifiedBy },
  };
}

/** Whether an event passes the subscription's type and publisher filters. */
export function matches(s: Subscription, e: WorkItemEvent, store: Store): boolean {
  if (s.status !== 'enabled' && s.status !== 'onProbation') return false;
  if (s.eventType !== `workitem.${e.kind}`) return false;
  const p = s.publisherInputs;
  // projectId is the project's GUID; its name is accepted too (a simulator leniency).
  const project = store.projects.get(e.item.projectId)!;
  const wanted = p.projectId?.toLowerCase();
  if (wanted && wanted !== project.id && wanted !== project.name.toLowerCase()) return false;
  const fields = e.revision.fields;
  if (p.areaPath && !isUnder(String(fields['System.AreaPath'] ?? ''), p.areaPath)) return false;
  if (
    p.workItemType &&
    String(fields['System.WorkItemType']).toLowerCase() !== p.workItemType.toLowerCase()
  )
    return false;
  if (
    p.tag &&
    !tagList(fields['System.Tags']).some((t) => t.toLowerCase() === p.tag!.toLowerCase())
  )
    return false;
  if (e.kind === 'updated' && p.changedFields) {
    const wanted = p.changedFields
      .split(',')
      .map((x) => x.trim().toLowerCase())
      .filter(Boolean);
    const before = e.previous?.fields ?? {};
    const changed = wanted.some((ref) => {
      const key = Object.keys({ ...before, ...fields }).find((k) => k.toLowerCase() === ref);
      return key !== undefined && JSON.stringify(before[key]) !== JSON.stringify(fields[key]);
    });
    if (!changed) return false;
  }
  return true;
}
