import { remoteChangeSchema, type WebhookRegistration } from '@tandem/connector-kit';
import { startWebhookReceiver } from '@tandem/connector-kit/conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rallyConnector as rally } from '../src/index.ts';
import { DEFAULT_ADMIN_API_KEY, makeCtx, SEED_IDS, scope, startSim } from './support/sim.ts';

let sim: Awaited<ReturnType<typeof startSim>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  sim = await startSim();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await sim.close();
});

const dana = {
  uuid: 'ae784947-d29d-4cf4-8ed0-000000000303',
  username: 'dana.developer@acme.example',
};

async function hooks(): Promise<
  {
    ObjectUUID: string;
    TargetUrl: string;
    Expressions: { AttributeName: string; Value: string }[];
  }[]
> {
  const res = await fetch(`${sim.url}/apps/pigeon/api/v2/webhook?pagesize=200`, {
    headers: { zsessionid: DEFAULT_ADMIN_API_KEY },
  });
  return ((await res.json()) as { Results: [] }).Results;
}

const storyIn = (project: number, name: string) =>
  sim.simulator.control.actAs({
    user: dana.username,
    action: 'create',
    type: 'HierarchicalRequirement',
    data: { Name: name, Project: `/project/${project}` },
  });

const delivery = (received: { url: string; headers: Record<string, string>; body: string }) => ({
  url: received.url,
  headers: received.headers,
  body: received.body,
});

describe('webhooks', () => {
  it('one rule per integrated project (the project and its children), re-registering replaces them', async () => {
    const ctx = makeCtx(sim.url);
    const target = `${receiver.url}/hooks/rally/with-children`;
    const registration = await rally.registerWebhook(ctx, { targetUrl: target, scope });
    expect(registration.id.split(',')).toHaveLength(2); // Team Alpha, Alpha Mobile
    expect(registration.targetUrl).toContain(`tandem_token=${registration.secret}`);
    const again = await rally.registerWebhook(ctx, { targetUrl: target, scope });
    const ours = (await hooks()).filter((h) => h.TargetUrl.startsWith(target));
    expect(ours.map((h) => h.ObjectUUID).sort()).toEqual(again.id.split(',').sort());
    expect(ours[0]?.Expressions.map((e) => e.AttributeName)).toEqual(['Workspace', 'Project']);
    await rally.unregisterWebhook(ctx, again);
    expect((await hooks()).filter((h) => h.TargetUrl.startsWith(target))).toEqual([]);
    await ctx.transport.close();
  });

  it('a change in a child project arrives, verifies, and parses with its author and values', async () => {
    const ctx = makeCtx(sim.url);
    const registration = await rally.registerWebhook(ctx, {
      targetUrl: `${receiver.url}/hooks/rally/deliver`,
      scope,
    });
    try {
      const story = storyIn(SEED_IDS.projectAlphaMobile, 'Made in Rally');
      sim.simulator.control.actAs({
        user: dana.username,
        action: 'update',
        ref: story?.oid,
        data: { ScheduleState: 'In-Progress' },
      });
      const received = await receiver.waitFor(
        (r) =>
          r.path.startsWith('/hooks/rally/deliver') &&
          rally.parseDelivery(r.body)[0]?.kind === 'updated',
        5000,
      );
      expect(rally.verifyDelivery(registration, delivery(received))).toBe(true);
      expect(
        rally.verifyDelivery({ ...registration, secret: 'x'.repeat(32) }, delivery(received)),
      ).toBe(false);
      const noToken = {
        ...delivery(received),
        url: received.url.replace(/tandem_token=[^&]+/, ''),
      };
      expect(rally.verifyDelivery(registration, noToken)).toBe(false);
      const [change] = rally.parseDelivery(received.body).map((c) => remoteChangeSchema.parse(c));
      expect(change).toMatchObject({
        kind: 'updated',
        ref: { type: 'HierarchicalRequirement', id: String(story?.oid) },
        changedBy: dana.uuid,
        fields: { ScheduleState: 'In-Progress' },
      });
      // The version in the delivery is the one a read gives, so the engine can order deliveries.
      expect(change?.version).toBe((await rally.readRecord(ctx, change!.ref)).version);
    } finally {
      await rally.unregisterWebhook(ctx, registration);
      await ctx.transport.close();
    }
  });

  it('a deletion in Rally arrives as a "deleted" change', async () => {
    const ctx = makeCtx(sim.url);
    const registration = await rally.registerWebhook(ctx, {
      targetUrl: `${receiver.url}/hooks/rally/deleted`,
      scope,
    });
    try {
      const story = storyIn(SEED_IDS.projectAlpha, 'Deleted in Rally');
      sim.simulator.control.actAs({ user: dana.username, action: 'delete', ref: story?.oid });
      const received = await receiver.waitFor(
        (r) =>
          r.path.startsWith('/hooks/rally/deleted') &&
          rally.parseDelivery(r.body)[0]?.kind === 'deleted',
        5000,
      );
      expect(rally.parseDelivery(received.body)[0]?.ref).toEqual({
        type: 'HierarchicalRequirement',
        id: String(story?.oid),
      });
    } finally {
      await rally.unregisterWebhook(ctx, registration);
      await ctx.transport.close();
    }
  });

  it('with "exclude child updates", changes in child projects do not arrive', async () => {
    const ctx = makeCtx(sim.url, { config: { excludeChildUpdates: true } });
    const registration: WebhookRegistration = await rally.registerWebhook(ctx, {
      targetUrl: `${receiver.url}/hooks/rally/excluded`,
      scope,
    });
    try {
      expect(registration.id.split(',')).toHaveLength(1);
      storyIn(SEED_IDS.projectAlphaMobile, 'In the child project');
      storyIn(SEED_IDS.projectAlpha, 'In the integrated project');
      await sim.simulator.control.flushWebhooks();
      const bodies = receiver
        .deliveries()
        .filter((r) => r.path.startsWith('/hooks/rally/excluded'));
      const names = bodies
        .map((r) => JSON.parse(r.body).message.state)
        .map(
          (state: Record<string, { name: string; value: unknown }>) =>
            Object.values(state).find((a) => a.name === 'Name')?.value,
        );
      expect(names).toEqual(['In the integrated project']);
    } finally {
      await rally.unregisterWebhook(ctx, registration);
      await ctx.transport.close();
    }
  });

  it('a user who is not a subscription administrator gets a clear "forbidden"', async () => {
    const developer = makeCtx(sim.url, { apiKey: '_tandemRallySimDeveloperKey0000000000000' });
    const error = await rally
      .registerWebhook(developer, { targetUrl: `${receiver.url}/hooks/rally/not-admin`, scope })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'forbidden', retryable: false });
    expect((error as Error).message).toMatch(/subscription administrators/);
    await developer.transport.close();
  });
});
