/** Service hooks: subscriptions CRUD and query, their notifications, publishers and consumers. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Sim } from '../context.ts';
import { AdoError } from '../errors.ts';
import {
  EVENT_TYPES,
  newSubscription,
  parseSubscription,
  renderSubscription,
  type Subscription,
} from '../hooks/subscriptions.ts';
import { type Ctx, collection, jsonBody } from './helpers.ts';

const subscriptionNotFound = (id: string) =>
  new AdoError(`VS1010006: The subscription ${id} does not exist.`, {
    status: 404,
    typeKey: 'SubscriptionNotFoundException',
    namespace: 'Microsoft.VisualStudio.Services.ServiceHooks.WebApi',
  });

const QueryInput = z.object({
  publisherId: z.string().nullish(),
  eventType: z.string().nullish(),
  consumerId: z.string().nullish(),
  consumerActionId: z.string().nullish(),
});

export function hookRoutes(sim: Sim) {
  const app = new Hono<AppEnv>();
  const find = (c: Ctx): Subscription => {
    const id = (c.req.param('id' as never) as string).toLowerCase();
    const s = sim.hooks.subscriptions.get(id);
    if (!s) throw subscriptionNotFound(id);
    return s;
  };
  const filtered = (q: z.infer<typeof QueryInput>) =>
    [...sim.hooks.subscriptions.values()].filter(
      (s) =>
        (!q.publisherId || s.publisherId === q.publisherId) &&
        (!q.eventType || s.eventType === q.eventType) &&
        (!q.consumerId || s.consumerId === q.consumerId) &&
        (!q.consumerActionId || s.consumerActionId === q.consumerActionId),
    );

  app.get('/:org/_apis/hooks/subscriptions', (c) => {
    const q = QueryInput.parse(c.req.query());
    return c.json(collection(filtered(q).map((s) => renderSubscription(s, c.get('orgUrl')))));
  });
  app.post('/:org/_apis/hooks/subscriptions', async (c) => {
    const input = parseSubscription(await jsonBody(c), sim.store);
    const s = newSubscription(input, c.get('principal').user.id, sim.now().toISOString());
    sim.hooks.subscriptions.set(s.id, s);
    sim.changed();
    return c.json(renderSubscription(s, c.get('orgUrl')));
  });
  app.get('/:org/_apis/hooks/subscriptions/:id', (c) =>
    c.json(renderSubscription(find(c), c.get('orgUrl'))),
  );
  app.put('/:org/_apis/hooks/subscriptions/:id', async (c) => {
    const s = find(c);
    const input = parseSubscription(await jsonBody(c), sim.store);
    const secret = s.consumerInputs.basicAuthPassword;
    const replaced: Subscription = {
      ...s,
      eventType: input.eventType,
      resourceVersion: input.resourceVersion,
      publisherInputs: input.publisherInputs,
      // A masked password sent back unchanged keeps the stored one.
      consumerInputs: {
        ...input.consumerInputs,
        ...(input.consumerInputs.basicAuthPassword === '********' &&
          secret && { basicAuthPassword: secret }),
      },
      status: input.status ?? s.status,
      probationRetries: input.status === 'enabled' ? 0 : s.probationRetries,
      modifiedBy: c.get('principal').user.id,
      modifiedDate: sim.now().toISOString(),
    };
    sim.hooks.subscriptions.set(s.id, replaced);
    sim.changed();
    return c.json(renderSubscription(replaced, c.get('orgUrl')));
  });
  app.delete('/:org/_apis/hooks/subscriptions/:id', (c) => {
    sim.hooks.subscriptions.delete(find(c).id);
    sim.changed();
    return c.body(null, 204);
  });
  app.get('/:org/_apis/hooks/subscriptions/:id/notifications', (c) => {
    const s = find(c);
    const byNotification = new Map<number, (typeof sim.hooks.log)[number][]>();
    for (const r of sim.hooks.log.filter((x) => x.subscriptionId === s.id)) {
      byNotification.set(r.notificationId, [...(byNotification.get(r.notificationId) ?? []), r]);
    }
    const value = [...byNotification.entries()].map(([id, attempts]) => {
      const last = attempts[attempts.length - 1]!;
      return {
        id,
        subscriptionId: s.id,
        eventId: last.eventId,
        eventType: last.eventType,
        status:
          last.outcome === 'succeeded' || last.outcome === 'disabled' ? 'completed' : 'processing',
        result: last.outcome === 'succeeded' ? 'succeeded' : 'failed',
        createdDate: attempts[0]!.at,
        modifiedDate: last.at,
        details: { attempts: attempts.length, lastStatusCode: last.status, lastError: last.error },
      };
    });
    return c.json(collection(value));
  });
  app.post('/:org/_apis/hooks/subscriptionsquery', async (c) => {
    const q = QueryInput.parse(await jsonBody(c));
    return c.json({
      ...q,
      results: filtered(q).map((s) => renderSubscription(s, c.get('orgUrl'))),
    });
  });
  app.get('/:org/_apis/hooks/publishers', (c) =>
    c.json(
      collection([
        {
          id: 'tfs',
          name: 'Azure DevOps',
          description: 'Work item events',
          supportedEvents: EVENT_TYPES.map((id) => ({ id })),
        },
      ]),
    ),
  );
  app.get('/:org/_apis/hooks/publishers/tfs/eventtypes', (c) =>
    c.json(
      collection(
        EVENT_TYPES.map((id) => ({
          id,
          publisherId: 'tfs',
          name: id.replace('workitem.', 'Work item '),
          inputDescriptors: [
            { id: 'projectId' },
            { id: 'areaPath' },
            { id: 'workItemType' },
            { id: 'tag' },
            { id: 'changedFields' },
          ],
        })),
      ),
    ),
  );
  app.get('/:org/_apis/hooks/consumers', (c) =>
    c.json(
      collection([
        {
          id: 'webHooks',
          name: 'Web Hooks',
          actions: [{ id: 'httpRequest', name: 'Post via HTTP' }],
        },
      ]),
    ),
  );
  return app;
}
