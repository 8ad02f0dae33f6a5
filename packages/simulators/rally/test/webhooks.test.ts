import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_ADMIN_API_KEY,
  type RunningRallySimulator,
  SEED_IDS,
  SEEDED_USERS,
} from '../src/index.ts';
import { fixture, shapeDiff } from './fixtures.ts';
import { startSim, WSAPI } from './helpers.ts';
import { startReceiver } from './receiver.ts';

let sim: RunningRallySimulator;
const key = { zsessionid: DEFAULT_ADMIN_API_KEY };
const ALPHA_UUID = '9d1f6c2a-2b7e-4c55-9f4e-000000000202';
const WS_UUID = '3aeed7d9-d244-49f1-9c45-000000000101';

beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.simulator.control.reset();
  sim.simulator.control.setWebhookRetry({ attempts: 4, baseDelayMs: 40 });
});
async function api(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = key,
): Promise<{ status: number; json: any }> {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function register(targetUrl: string, overrides: Record<string, unknown> = {}) {
  const body = { ...fixture('webhook-create-request'), TargetUrl: targetUrl, ...overrides };
  const r = await api('POST', '/apps/pigeon/api/v2/webhook', body);
  expect(r.status).toBe(201);
  return r.json;
}
type Entry = { name: string; type: string; value: any; old_value?: any };

function byName(state: Record<string, Entry>): Map<string, Entry> {
  return new Map(Object.values(state).map((e) => [e.name, e]));
}

describe('webhook management API', () => {
  it('creates, lists, reads, patches and deletes webhooks; refuses basic auth and non-admins', async () => {
    const hook = await register('http://127.0.0.1:9/x');
    const f = fixture('webhook-object');
    expect(shapeDiff(f, hook)).toEqual([]);
    expect(hook).toMatchObject({
      _type: 'webhook',
      SubscriptionID: 4242,
      OwnerID: SEEDED_USERS[0]!.uuid,
      FireCount: 0,
      Disabled: false,
    });
    expect(hook.Expressions[1]).toEqual({
      AttributeID: null,
      AttributeName: null,
      Operator: 'project',
      Value: f.Expressions[1].Value,
    });

    const list = await api('GET', '/apps/pigeon/api/v2/webhook?pagesize=200&start=1&order=Name');
    expect(list.json).toMatchObject({ StartIndex: 1, PageSize: 200, TotalResultCount: 1 });
    const one = await api('GET', `/apps/pigeon/api/v2/webhook/${hook.ObjectUUID}`);
    expect(one.json.Name).toBe(hook.Name);
    const patched = await api('PATCH', `/apps/pigeon/api/v2/webhook/${hook.ObjectUUID}`, {
      Disabled: true,
    });
    expect(patched.json).toMatchObject({ Disabled: true, _objectVersion: 2 });

    const bad = await api('POST', '/apps/pigeon/api/v2/webhook', {
      Name: 'x',
      TargetUrl: 'not a url',
      ObjectTypes: ['PortfolioItem/Feature'],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.Errors.length).toBeGreaterThan(0);

    const admin = SEEDED_USERS[0]!;
    const basic = await api('GET', '/apps/pigeon/api/v2/webhook', undefined, {
      authorization: `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`,
    });
    expect(basic.status).toBe(401);
    const dev = await api('GET', '/apps/pigeon/api/v2/webhook', undefined, {
      zsessionid: SEEDED_USERS[1]!.apiKey,
    });
    expect(dev.status).toBe(403);

    expect((await api('DELETE', `/apps/pigeon/api/v2/webhook/${hook.ObjectUUID}`)).status).toBe(
      200,
    );
    expect((await api('GET', `/apps/pigeon/api/v2/webhook/${hook.ObjectUUID}`)).status).toBe(404);
  });
});

describe('webhook deliveries', () => {
  it('delivers create, update and delete with Rally’s payload shape, filtered by project', async () => {
    const rx = await startReceiver();
    try {
      await register(rx.url, {
        Expressions: [
          { AttributeName: 'Workspace', Operator: '=', Value: WS_UUID },
          { Operator: 'project', Value: ALPHA_UUID },
        ],
      });
      const created = await api('POST', `${WSAPI}/portfolioitem/feature/create`, {
        'PortfolioItem/Feature': {
          Name: 'Hooked feature',
          Project: `/project/${SEED_IDS.projectAlpha}`,
          Parent: `/portfolioitem/initiative/${SEED_IDS.initiative}`,
          State: `/state/${SEED_IDS.featureStates[0]}`,
          c_RoadmapId: 'RM-1',
          Description: '<p>Hooked</p>',
          PlannedStartDate: '2025-07-01',
          PlannedEndDate: '2025-09-30',
          Release: `/release/${SEED_IDS.release}`,
        },
      });
      const oid = created.json.CreateResult.Object.ObjectID;
      // Outside the project scope (Team Beta): no delivery.
      await api('POST', `${WSAPI}/portfolioitem/feature/create`, {
        'PortfolioItem/Feature': { Name: 'Elsewhere', Project: `/project/${SEED_IDS.projectBeta}` },
      });
      // Stories in the scope: create then update the schedule state.
      const story = await api('POST', `${WSAPI}/hierarchicalrequirement/create`, {
        HierarchicalRequirement: {
          Name: 'Hooked story',
          Project: `/project/${SEED_IDS.projectAlphaMobile}`,
          PlanEstimate: 3,
        },
      });
      const sid = story.json.CreateResult.Object.ObjectID;
      await api('PUT', `${WSAPI}/hierarchicalrequirement/${sid}`, {
        HierarchicalRequirement: { ScheduleState: 'In-Progress' },
      });
      await api('DELETE', `${WSAPI}/portfolioitem/feature/${oid}`);
      await sim.simulator.control.flushWebhooks();

      const actions = rx.received.map(
        (r) => `${r.body.message.object_type}:${r.body.message.action}`,
      );
      expect(actions).toEqual([
        'Feature:Created',
        'HierarchicalRequirement:Created',
        'HierarchicalRequirement:Updated',
        'Feature:Deleted',
      ]);

      const createdMsg = rx.received[0]!.body;
      const fCreated = fixture('webhook-created-feature');
      expect(Object.keys(createdMsg).sort()).toEqual(Object.keys(fCreated).sort());
      expect(Object.keys(createdMsg.message).sort()).toEqual(Object.keys(fCreated.message).sort());
      expect(createdMsg.message.changes).toEqual({});
      expect(createdMsg.message.message_id).toBe(createdMsg.message.transaction.message_id);
      expect(createdMsg.message.ref).toMatch(
        /\/slm\/webservice\/v2\.x\/portfolioitem\/feature\/[0-9a-f-]{36}$/,
      );
      expect(createdMsg.message.detail_link).toBe(
        `${sim.url}/slm/#/detail/portfolioitem/feature/${oid}`,
      );
      expect(createdMsg.message.project).toEqual({ uuid: ALPHA_UUID, name: 'Team Alpha' });
      expect(createdMsg.message.transaction.user.username).toBe(SEEDED_USERS[0]!.username);
      expect(shapeDiff(fixture('webhook-object'), createdMsg.rule)).toEqual([]);
      const ours = byName(createdMsg.message.state);
      for (const e of Object.values(fCreated.message.state) as Array<{
        name: string;
        type: string;
      }>) {
        expect(ours.get(e.name), e.name).toBeDefined();
        expect(ours.get(e.name)?.type, e.name).toBe(e.type);
        expect(shapeDiff(e, ours.get(e.name)), e.name).toEqual([]);
      }
      expect(createdMsg.message.state['500a0d67-9c48-4145-920c-821033e4a832'].value).toBe(
        'Hooked feature',
      );

      const updated = rx.received[2]!.body;
      const fUpdated = fixture('webhook-updated-story-schedule-state');
      const changes = byName(updated.message.changes);
      expect([...changes.keys()].sort()).toEqual([
        'InProgressDate',
        'LastUpdateDate',
        'ScheduleState',
        'ScheduleStatePrefix',
        'VersionId',
      ]);
      expect(
        shapeDiff(
          fUpdated.message.changes['aad205e0-2fbe-11e4-8c21-0800200c9a66'],
          updated.message.changes['aad205e0-2fbe-11e4-8c21-0800200c9a66'],
        ),
      ).toEqual([]);
      expect(changes.get('ScheduleState')?.value.name).toBe('In-Progress');
      expect(changes.get('ScheduleState')?.old_value.name).toBe('Defined');
      expect(changes.get('VersionId')).toMatchObject({ value: 2, old_value: 1 });
      const stateByName = byName(updated.message.state);
      for (const e of Object.values(fUpdated.message.state) as Array<{
        name: string;
        type: string;
      }>) {
        expect(stateByName.get(e.name)?.type, e.name).toBe(e.type);
      }
      expect(stateByName.get('PlanEstimate')).toMatchObject({
        value: { value: 3, units: 'Points' },
      });

      const hook = (await api('GET', '/apps/pigeon/api/v2/webhook')).json.Results[0];
      expect(hook).toMatchObject({ FireCount: 4, ErrorCount: 0, LastStatus: '200' });
    } finally {
      await rx.close();
    }
  });

  it('retries a failing target with exponential back-off', async () => {
    const rx = await startReceiver((n) => (n < 2 ? 503 : 200));
    try {
      await register(rx.url, { ObjectTypes: ['HierarchicalRequirement'], Expressions: [] });
      await api('PUT', `${WSAPI}/hierarchicalrequirement/${SEED_IDS.storyParent}`, {
        HierarchicalRequirement: { Name: 'Retried' },
      });
      await sim.simulator.control.flushWebhooks();
      expect(rx.received.map((r) => r.status)).toEqual([503, 503, 200]);
      const ids = new Set(rx.received.map((r) => r.body.message.message_id));
      expect(ids.size).toBe(1);
      const gap1 = rx.received[1]!.at - rx.received[0]!.at;
      const gap2 = rx.received[2]!.at - rx.received[1]!.at;
      expect(gap1).toBeGreaterThanOrEqual(35);
      expect(gap2).toBeGreaterThanOrEqual(75);
      const hook = (await api('GET', '/apps/pigeon/api/v2/webhook')).json.Results[0];
      expect(hook).toMatchObject({ FireCount: 3, ErrorCount: 2, LastStatus: '200' });
      expect(hook.LastFailure).not.toBeNull();
      const log = (await api('GET', '/__sim/webhooks/deliveries')).json.deliveries;
      expect(log.map((d: { attempt: number }) => d.attempt)).toEqual([1, 2, 3]);
    } finally {
      await rx.close();
    }
  });

  it('gives up after the last attempt', async () => {
    const rx = await startReceiver(() => 500);
    try {
      sim.simulator.control.setWebhookRetry({ attempts: 3, baseDelayMs: 10 });
      await register(rx.url, { ObjectTypes: ['HierarchicalRequirement'], Expressions: [] });
      await api('PUT', `${WSAPI}/hierarchicalrequirement/${SEED_IDS.storyParent}`, {
        HierarchicalRequirement: { Notes: 'x' },
      });
      await sim.simulator.control.flushWebhooks();
      expect(rx.received).toHaveLength(3);
    } finally {
      await rx.close();
    }
  });

  it('duplicate and reorder faults', async () => {
    const rx = await startReceiver();
    try {
      await register(rx.url, {
        ObjectTypes: ['HierarchicalRequirement'],
        Expressions: [{ AttributeName: 'FormattedID', Operator: '=', Value: 'US103' }],
      });
      sim.simulator.control.setWebhookFaults({ duplicateRate: 1 });
      await api('PUT', `${WSAPI}/hierarchicalrequirement/7000000103`, {
        HierarchicalRequirement: { Name: 'Dup' },
      });
      await sim.simulator.control.flushWebhooks();
      expect(rx.received).toHaveLength(2);
      expect(rx.received[0]!.body.message.message_id).toBe(rx.received[1]!.body.message.message_id);

      rx.received.length = 0;
      sim.simulator.control.setWebhookFaults({ reorderRate: 1 });
      await api('PUT', `${WSAPI}/hierarchicalrequirement/7000000103`, {
        HierarchicalRequirement: { Name: 'First' },
      });
      await api('PUT', `${WSAPI}/hierarchicalrequirement/7000000103`, {
        HierarchicalRequirement: { Name: 'Second' },
      });
      await sim.simulator.control.flushWebhooks();
      const names = rx.received.map((r) => byName(r.body.message.state).get('Name')?.value);
      expect(names).toEqual(['Second', 'First']);
      const versions = rx.received.map((r) => byName(r.body.message.state).get('VersionId')?.value);
      expect(versions[0]).toBeGreaterThan(versions[1]!);
    } finally {
      await rx.close();
    }
  });

  it('"act as a Rally user" edits fire webhooks attributed to that user', async () => {
    const rx = await startReceiver();
    try {
      await register(rx.url, {
        ObjectTypes: ['HierarchicalRequirement'],
        Expressions: [{ AttributeName: 'ScheduleState', Operator: 'changed' }],
      });
      const dana = SEEDED_USERS[1]!;
      const r = await api('POST', '/__sim/act-as', {
        user: dana.username,
        action: 'update',
        ref: `/hierarchicalrequirement/${SEED_IDS.storyChild}`,
        data: { ScheduleState: 'Accepted' },
      });
      expect(r.json.Object.ScheduleState).toBe('Accepted');
      // A change that does not touch ScheduleState does not match the `changed` expression.
      await api('POST', '/__sim/act-as', {
        user: dana.username,
        action: 'update',
        ref: `/hierarchicalrequirement/7000000103`,
        data: { Notes: 'n' },
      });
      await sim.simulator.control.flushWebhooks();
      // The child and its parent (whose state rolls up) both changed ScheduleState.
      const got = rx.received.map(
        (x) =>
          `${byName(x.body.message.state).get('FormattedID')?.value}:${x.body.message.transaction.user.username}`,
      );
      expect(got.sort()).toEqual([`US101:${dana.username}`, `US102:${dana.username}`]);
    } finally {
      await rx.close();
    }
  });
});
