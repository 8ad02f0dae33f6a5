/** The event a web hook receives: Azure DevOps's envelope around a resource of version 1.0. */
import { randomUUID } from 'node:crypto';
import type { Store, WorkItemEvent } from '../state/store.ts';
import { type RenderContext, renderUpdate, renderWorkItem } from '../workitems/render.ts';
import type { Subscription } from './subscriptions.ts';

export interface EventEnvelope {
  subscriptionId: string;
  notificationId: number;
  id: string;
  eventType: string;
  publisherId: 'tfs';
  message?: { text: string; html: string; markdown: string };
  detailedMessage?: { text: string; html: string; markdown: string };
  resource: unknown;
  resourceVersion: string;
  resourceContainers: Record<string, { id: string; baseUrl: string }>;
  createdDate: string;
}

export interface EventContext {
  store: Store;
  orgUrl: string;
  collectionId: string;
  now: string;
}

const verbs = {
  created: 'created',
  updated: 'updated',
  deleted: 'deleted',
  restored: 'restored',
} as const;

function messages(e: WorkItemEvent, ctx: EventContext) {
  const r = e.revision;
  const type = String(r.fields['System.WorkItemType']);
  const title = String(r.fields['System.Title'] ?? '');
  const who = ctx.store.user(e.userId)?.displayName ?? 'someone';
  const link = `${ctx.orgUrl}/web/wi.aspx?pcguid=${ctx.collectionId}&id=${e.item.id}`;
  const sentence = `(${title}) ${verbs[e.kind]} by ${who}.`;
  const message = {
    text: `${type} #${e.item.id} ${sentence}\r\n(${link})`,
    html: `<a href="${link.replace(/&/g, '&amp;')}">${type} #${e.item.id}</a> ${sentence}`,
    markdown: `[${type} #${e.item.id}](${link}) ${sentence}`,
  };
  const changes: string[] = [];
  if (e.kind === 'updated' && e.previous) {
    const before = e.previous.fields;
    for (const ref of ['System.State', 'System.AssignedTo', 'System.Title'] as const) {
      if (
        JSON.stringify(before[ref]) !== JSON.stringify(r.fields[ref]) &&
        r.fields[ref] !== undefined
      ) {
        const label = ref.split('.').pop();
        const value =
          ref === 'System.AssignedTo'
            ? ctx.store.user(String(r.fields[ref]))?.displayName
            : r.fields[ref];
        changes.push(`New ${label}: ${String(value)}`);
      }
    }
  }
  const detailed = {
    text: `${message.text}${changes.length ? `\r\n\r\n${changes.map((c) => `- ${c}\r\n`).join('')}` : ''}`,
    html: `${message.html}${changes.length ? `<ul>\r\n${changes.map((c) => `<li>${c}</li>`).join('')}</ul>` : ''}`,
    markdown: `${message.markdown}${changes.length ? `\r\n\r\n${changes.map((c) => `* ${c}\r\n`).join('')}` : ''}`,
  };
  return { message, detailed };
}

function resourceOf(e: WorkItemEvent, render: RenderContext) {
  const r = e.revision;
  switch (e.kind) {
    case 'updated': {
      const update = renderUpdate(render, e.item, r.rev, { withLinks: true });
      return {
        ...update,
        revision: renderWorkItem(render, e.item, r, {
          withRelations: true,
          asRevision: true,
          fields: null,
          expand: 'relations',
        }),
      };
    }
    case 'deleted':
      return renderWorkItem(render, e.item, r, { inRecycleBin: true, withRelations: true });
    default:
      return renderWorkItem(render, e.item, r, { withRelations: true });
  }
}

/** One event (the same `id` for every subscription it goes to). */
export function buildEvent(e: WorkItemEvent, ctx: EventContext) {
  const render: RenderContext = { store: ctx.store, orgUrl: ctx.orgUrl, identities: 'string' };
  const resource = resourceOf(e, render);
  const { message, detailed } = messages(e, ctx);
  const eventId = randomUUID();
  const baseUrl = `${ctx.orgUrl}/`;
  return (s: Subscription, notificationId: number): EventEnvelope => {
    const details = s.consumerInputs.resourceDetailsToSend ?? 'all';
    const withMessage = (s.consumerInputs.messagesToSend ?? 'all') !== 'none';
    const withDetailed = (s.consumerInputs.detailedMessagesToSend ?? 'all') !== 'none';
    const minimal = { id: e.item.id, rev: e.revision.rev, url: (resource as { url: string }).url };
    return {
      subscriptionId: s.id,
      notificationId,
      id: eventId,
      eventType: s.eventType,
      publisherId: 'tfs',
      ...(withMessage && { message }),
      ...(withDetailed && { detailedMessage: detailed }),
      resource: details === 'none' ? null : details === 'minimal' ? minimal : resource,
      resourceVersion: s.resourceVersion,
      resourceContainers: {
        collection: { id: ctx.collectionId, baseUrl },
        account: { id: ctx.collectionId, baseUrl },
        project: { id: e.item.projectId, baseUrl },
      },
      createdDate: ctx.now,
    };
  };
}
