import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createAzureDevOpsSimulator,
  DEFAULT_FULL_PAT,
  DEFAULT_USERS,
  type RunningAzureDevOpsSimulator,
  SEED_IDS,
} from '../src/index.ts';
import { patHeaders, startSim } from './helpers.ts';

let sim: RunningAzureDevOpsSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.simulator.control.reset());

const get = (path: string, token = DEFAULT_FULL_PAT) =>
  fetch(`${sim.orgUrl}${path}`, { headers: patHeaders(token) });
const simApi = (path: string, method = 'GET', body?: unknown) =>
  fetch(`${sim.url}/__sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then((r) => r.json() as Promise<any>);

describe('/__sim control API', () => {
  it('lists the organisation, users and tokens', async () => {
    const info = await simApi('/');
    expect(info.url).toBe(sim.orgUrl);
    expect(info.users.map((u: any) => [u.uniqueName, u.scope])).toEqual(
      DEFAULT_USERS.map((u) => [u.uniqueName, u.scope]),
    );
    expect(info.users[0].token).toBe(DEFAULT_FULL_PAT);
  });

  it('fault rules answer a status, then remove themselves after `times`', async () => {
    await simApi('/faults', 'POST', {
      method: 'GET',
      path: '/_apis/projects$',
      status: 503,
      retryAfterSeconds: 2,
      times: 1,
    });
    const failed = await get('/_apis/projects');
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('2');
    expect(((await failed.json()) as any).message).toMatch(/^TF400898/);
    expect((await get('/_apis/projects')).status).toBe(200);
  });

  it('drop-after-commit saves the change but the client never hears back', async () => {
    await simApi('/faults', 'POST', {
      method: 'PATCH',
      path: '/workitems/3',
      action: 'drop-after-commit',
      times: 1,
    });
    const attempt = fetch(`${sim.orgUrl}/_apis/wit/workitems/3`, {
      method: 'PATCH',
      headers: { ...patHeaders(DEFAULT_FULL_PAT), 'content-type': 'application/json-patch+json' },
      body: JSON.stringify([{ op: 'add', path: '/fields/System.Title', value: 'Committed' }]),
    });
    await expect(attempt).rejects.toThrow();
    expect(sim.simulator.control.workItem(3)?.fields['System.Title']).toBe('Committed');
  });

  it('hang waits, then answers the status', async () => {
    await simApi('/faults', 'POST', {
      path: '/_apis/projects',
      action: 'hang',
      delayMs: 150,
      status: 504,
      times: 1,
    });
    const started = Date.now();
    const res = await get('/_apis/projects');
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('latency delays every API call', async () => {
    await simApi('/latency', 'PUT', { fixedMs: 80 });
    const started = Date.now();
    await get('/_apis/projects');
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('act-as edits work items as a person; the recycle bin restores', async () => {
    const edited = await simApi('/act-as', 'POST', {
      user: 'riley.reader@tandem-demo.example',
      action: 'update',
      id: SEED_IDS.workItems.story,
      fields: { 'System.State': 'Active' },
    });
    expect(edited.fields['System.ChangedBy'].displayName).toBe('Riley Reader');
    await simApi('/act-as', 'POST', { action: 'delete', id: SEED_IDS.workItems.story });
    expect((await get(`/_apis/wit/workitems/${SEED_IDS.workItems.story}`)).status).toBe(404);
    await simApi(`/recyclebin/${SEED_IDS.workItems.story}/restore`, 'POST');
    expect((await get(`/_apis/wit/workitems/${SEED_IDS.workItems.story}`)).status).toBe(200);
  });

  it('tokens can be expired and revoked', async () => {
    await simApi('/tokens', 'PUT', { token: DEFAULT_USERS[1]!.token, state: 'revoked' });
    expect((await get('/_apis/projects', DEFAULT_USERS[1]!.token)).status).toBe(401);
  });

  it('counts the peak of simultaneous requests per user', async () => {
    await simApi('/latency', 'PUT', { fixedMs: 50 });
    await Promise.all(Array.from({ length: 6 }, () => get('/_apis/projects')));
    expect((await simApi('/concurrency')).peaks['morgan.planner@tandem-demo.example']).toBe(6);
  });
});

describe('rate limiting', () => {
  it('sends X-RateLimit headers past half the budget, delays past it and blocks with 429 past the threshold', async () => {
    await simApi('/rate-limit', 'PUT', {
      budget: 0.01,
      blockAt: 1.5,
      delayMs: 20,
      costs: { read: 0.002, list: 0.002, write: 0.002, query: 0.002 },
    });
    const statuses: number[] = [];
    const delays: (string | null)[] = [];
    let blocked: Response | null = null;
    for (let i = 0; i < 10; i++) {
      const res = await get('/_apis/projects');
      statuses.push(res.status);
      delays.push(res.headers.get('x-ratelimit-delay'));
      if (res.status === 429) blocked ??= res;
      else await res.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429, 429]);
    expect(delays.slice(5, 8)).toEqual(['0.020', '0.020', '0.020']);
    expect(blocked?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(blocked?.headers.get('x-ratelimit-limit')).toBe('0.01');
    expect(blocked?.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(((await blocked!.json()) as any).message).toMatch(
      /^TF400733: The request has been canceled/,
    );
    // The budget is per identity: another user is not blocked.
    expect((await get('/_apis/projects', DEFAULT_USERS[1]!.token)).status).toBe(200);
  });
});

describe('persistence', () => {
  it('keeps work items, subscriptions and tokens in the state file across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-ado-'));
    const stateFile = join(dir, 'sim-ado.json');
    try {
      const first = createAzureDevOpsSimulator({ stateFile });
      first.control.actAs({
        action: 'create',
        project: 'Platform',
        type: 'Task',
        fields: { 'System.Title': 'Survives' },
      });
      first.close();
      const second = createAzureDevOpsSimulator({
        stateFile,
        fullPat: 'a-new-full-scope-token-from-the-environment-000000000',
      });
      expect(second.control.workItem(9)?.fields['System.Title']).toBe('Survives');
      const res = await second.app.request('http://x/tandem-demo/_apis/projects', {
        headers: patHeaders('a-new-full-scope-token-from-the-environment-000000000'),
      });
      expect(res.status).toBe(200);
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
