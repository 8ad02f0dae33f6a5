/**
 * A service-hook delivery (resourceVersion 1.0) → the port's `RemoteChange`. Created and deleted
 * events carry the work item; updated carries a WorkItemUpdate (old/new values, and the whole
 * item at the new revision in `revision`). Bookkeeping fields are left out of the changes.
 */
import type { RemoteChange } from '@tandem/connector-kit';
import { stripTokenTag } from './idempotency.ts';
import { malformed } from './webhooks.ts';
import { identityKey } from './work-item.ts';

const bookkeeping = new Set([
  'System.Rev',
  'System.AuthorizedDate',
  'System.RevisedDate',
  'System.ChangedDate',
  'System.ChangedBy',
  'System.Watermark',
  'System.AuthorizedAs',
  'System.PersonId',
]);

type Fields = Record<string, unknown>;
interface Item {
  id?: number;
  rev?: number;
  fields?: Fields;
}
interface Update {
  workItemId?: number;
  rev?: number;
  revisedBy?: unknown;
  fields?: Record<string, { oldValue?: unknown; newValue?: unknown }>;
  revision?: Item;
}
interface Envelope {
  id?: string;
  eventType?: string;
  createdDate?: string;
  resource?: Item & Update;
}

const cleanTags = (fields: Fields): Fields =>
  typeof fields['System.Tags'] === 'string'
    ? { ...fields, 'System.Tags': stripTokenTag(fields['System.Tags']) }
    : fields;

function iso(value: unknown, fallback: string | undefined): string {
  const text = typeof value === 'string' ? value : fallback;
  const time = text ? Date.parse(text) : Number.NaN;
  return Number.isNaN(time) ? new Date(0).toISOString() : new Date(time).toISOString();
}

export function parseDelivery(body: string): RemoteChange[] {
  let envelope: Envelope;
  try {
    envelope = JSON.parse(body) as Envelope;
  } catch {
    throw malformed('the body is not JSON');
  }
  if (!envelope || typeof envelope !== 'object') throw malformed('the body is not an object');
  const { eventType, resource, id: eventId } = envelope;
  if (typeof eventType !== 'string' || !eventType.startsWith('workitem.')) {
    throw malformed('no work item event type');
  }
  if (!resource || typeof resource !== 'object' || typeof eventId !== 'string') {
    throw malformed('no resource or event id');
  }
  if (eventType === 'workitem.updated') {
    const item = resource.revision ?? {};
    const id = resource.workItemId || item.id;
    if (!id) throw malformed('the update names no work item');
    const fields: Fields = {};
    const previousFields: Fields = {};
    for (const [name, change] of Object.entries(resource.fields ?? {})) {
      if (bookkeeping.has(name)) continue;
      if ('newValue' in change) fields[name] = change.newValue;
      else fields[name] = null;
      if ('oldValue' in change) previousFields[name] = change.oldValue;
    }
    const full = item.fields ?? {};
    return [
      {
        kind: 'updated',
        ref: { type: String(full['System.WorkItemType'] ?? 'Work item'), id: String(id) },
        version: String(resource.rev ?? item.rev ?? ''),
        changedAt: iso(
          resource.fields?.['System.ChangedDate']?.newValue ?? full['System.ChangedDate'],
          envelope.createdDate,
        ),
        changedBy: identityKey(resource.revisedBy) ?? identityKey(full['System.ChangedBy']),
        createdBy: identityKey(full['System.CreatedBy']),
        scopeChanged: 'System.AreaPath' in fields,
        fields: cleanTags(fields),
        previousFields: cleanTags(previousFields),
        changeId: eventId,
      },
    ];
  }
  const kind =
    eventType === 'workitem.created'
      ? 'created'
      : eventType === 'workitem.deleted'
        ? 'deleted'
        : 'updated';
  const fields = resource.fields ?? {};
  if (!resource.id) throw malformed('the event names no work item');
  return [
    {
      kind,
      ref: { type: String(fields['System.WorkItemType'] ?? 'Work item'), id: String(resource.id) },
      version: resource.rev === undefined ? null : String(resource.rev),
      changedAt: iso(fields['System.ChangedDate'], envelope.createdDate),
      changedBy: identityKey(fields['System.ChangedBy']),
      createdBy: identityKey(fields['System.CreatedBy']),
      ...(kind === 'created' ? { fields: cleanTags(fields) } : {}),
      changeId: eventId,
    },
  ];
}
