import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningAzureDevOpsSimulator, SEED_IDS } from '../src/index.ts';
import { startSim } from './helpers.ts';
import { startReceiver } from './receiver.ts';

let sim: RunningAzureDevOpsSimulator;
let receiver: Awaited<ReturnType<typeof startReceiver>> | null = null;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.simulator.control.reset());
afterEach(async () => {
  await receiver?.close();
  receiver = null;
});

const control = () => sim.simulator.control;
const subscriptions = () => sim.simulator.state.hooks.subscriptions;

function subscribe(url: string, eventType: string, publisherInputs: Record<string, string> = {}) {
  const s = {
    id: crypto.randomUUID(),
    publisherId: 'tfs' as const,
    eventType: eventType as 'workitem.updated',
    resourceVersion: '1.0',
    consumerId: 'webHooks' as const,
    consumerActionId: 'httpRequest' as const,
    publisherInputs: { projectId: SEED_IDS.projects.roadmap, ...publisherInputs },
    consumerInputs: { url },
    status: 'enabled' as const,
    probationRetries: 0,
    createdBy: 'test',
    createdDate: new Date().toISOString(),
    modifiedBy: 'test',
    modifiedDate: new Date().toISOString(),
    tfsSubscriptionId: crypto.randomUUID(),
    lastNotificationId: 0,
  };
  subscriptions().set(s.id, s);
  return s;
}

const rename = (id: number, title: string, fields: Record<string, unknown> = {}) =>
  control().actAs({ action: 'update', id, fields: { 'System.Title': title, ...fields } });

describe('service hook filters', () => {
  it('filters on area (with sub-areas), type and tag; act-as edits fire like API writes', async () => {
    receiver = await startReceiver();
    subscribe(receiver.url, 'workitem.updated', {
      areaPath: 'Roadmap Demo\\Web',
      workItemType: 'User Story',
    });
    subscribe(receiver.url, 'workitem.updated', { tag: 'export' });
    rename(SEED_IDS.workItems.story, 'In Web\\Frontend'); // story: area match + type match
    rename(SEED_IDS.workItems.feature, 'Tagged export'); // feature: tag match only
    rename(SEED_IDS.workItems.task, 'Neither'); // task: no tag, wrong type
    await control().flushWebhooks();
    const got = receiver.received.map((r) => r.body.resource.workItemId).sort();
    expect(got).toEqual([SEED_IDS.workItems.feature, SEED_IDS.workItems.story]);
    expect(
      receiver.received.find((r) => r.body.resource.workItemId === SEED_IDS.workItems.story)?.body
        .resource.revisedBy.uniqueName,
    ).toBe('jordan.developer@tandem-demo.example');
  });

  it('sends created, deleted and restored events to their subscriptions', async () => {
    receiver = await startReceiver();
    for (const t of ['workitem.created', 'workitem.deleted', 'workitem.restored'])
      subscribe(receiver.url, t);
    const created = control().actAs({
      action: 'create',
      project: 'Roadmap Demo',
      type: 'Bug',
      fields: { 'System.Title': 'Crash on export' },
    });
    control().actAs({ action: 'delete', id: created.id });
    control().actAs({ action: 'restore', id: created.id });
    await control().flushWebhooks();
    expect(receiver.received.map((r) => r.body.eventType)).toEqual([
      'workitem.created',
      'workitem.deleted',
      'workitem.restored',
    ]);
  });
});

describe('delivery failures', () => {
  // Azure DevOps waits up to 36 hours on probation; a hundred-thousandth of that is ~1.3 s.
  beforeEach(() => control().setWebhookRetry({ timeScale: 0.00001 }));

  it('retries transient failures (503) with back-off and then succeeds', async () => {
    receiver = await startReceiver((n) => (n < 2 ? 503 : 200));
    const s = subscribe(receiver.url, 'workitem.updated');
    rename(SEED_IDS.workItems.story, 'x');
    await control().flushWebhooks();
    expect(receiver.received.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(new Set(receiver.received.map((r) => r.body.notificationId))).toEqual(new Set([1]));
    expect(
      control()
        .deliveries()
        .map((d) => d.outcome),
    ).toEqual(['transient', 'transient', 'succeeded']);
    expect(subscriptions().get(s.id)?.status).toBe('enabled');
  });

  it('puts the subscription on probation after an enduring failure, and a success restores it', async () => {
    receiver = await startReceiver((n) => (n === 0 ? 500 : 200));
    const s = subscribe(receiver.url, 'workitem.updated');
    rename(SEED_IDS.workItems.story, 'x');
    await control().flushWebhooks();
    expect(
      control()
        .deliveries()
        .map((d) => d.outcome),
    ).toEqual(['probation', 'succeeded']);
    expect(subscriptions().get(s.id)?.status).toBe('enabled');
  });

  it('disables the subscription after the probation retries all fail, and at once on 410', async () => {
    receiver = await startReceiver(() => 500);
    const failing = subscribe(receiver.url, 'workitem.updated');
    rename(SEED_IDS.workItems.story, 'x');
    await control().flushWebhooks();
    expect(receiver.received).toHaveLength(8);
    expect(subscriptions().get(failing.id)).toMatchObject({
      status: 'disabledBySystem',
      probationRetries: 7,
    });
    rename(SEED_IDS.workItems.story, 'not delivered any more');
    await control().flushWebhooks();
    expect(receiver.received).toHaveLength(8);

    const gone = await startReceiver(() => 410);
    try {
      const s = subscribe(gone.url, 'workitem.updated');
      rename(SEED_IDS.workItems.story, 'y');
      await control().flushWebhooks();
      expect(gone.received).toHaveLength(1);
      expect(subscriptions().get(s.id)?.status).toBe('disabledBySystem');
    } finally {
      await gone.close();
    }
  });

  it('duplicates and reorders deliveries when told to', async () => {
    receiver = await startReceiver();
    subscribe(receiver.url, 'workitem.updated');
    control().setWebhookFaults({ duplicateRate: 1 });
    rename(SEED_IDS.workItems.story, 'twice');
    await control().flushWebhooks();
    expect(receiver.received.map((r) => r.body.notificationId)).toEqual([1, 1]);

    receiver.received.length = 0;
    control().setWebhookFaults({ reorderRate: 1 });
    rename(SEED_IDS.workItems.story, 'first');
    rename(SEED_IDS.workItems.story, 'second');
    await control().flushWebhooks();
    expect(receiver.received.map((r) => r.body.resource.fields['System.Title'].newValue)).toEqual([
      'second',
      'first',
    ]);
  });
});
