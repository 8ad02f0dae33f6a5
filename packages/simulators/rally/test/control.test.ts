import rally from 'rally';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ADMIN_API_KEY, type RunningRallySimulator, SEED_IDS } from '../src/index.ts';
import { startSim, WSAPI } from './helpers.ts';

let sim: RunningRallySimulator;
const key = { zsessionid: DEFAULT_ADMIN_API_KEY, 'content-type': 'application/json' };

beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await fetch(`${sim.url}/__sim/reset`, { method: 'POST' });
});

const control = (method: string, path: string, body?: unknown) =>
  fetch(`${sim.url}/__sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const countDefects = async () => {
  const r = await fetch(`${sim.url}${WSAPI}/defect?pagesize=200`, { headers: key });
  return ((await r.json()) as { QueryResult: { TotalResultCount: number } }).QueryResult
    .TotalResultCount;
};

describe('/__sim/ control API', () => {
  it('describes the seeded credentials', async () => {
    const info = (await (await control('GET', '/')).json()) as {
      users: Array<{ username: string; apiKey: string }>;
      oauth: { clientId: string };
    };
    expect(info.users[0]).toMatchObject({
      username: 'pat.planner@acme.example',
      apiKey: DEFAULT_ADMIN_API_KEY,
    });
    expect(info.oauth.clientId).toBe('tandem-local-client');
  });

  it('status faults with Retry-After, limited by times, matched by method and path', async () => {
    const rule = (await (
      await control('POST', '/faults', {
        method: 'GET',
        path: '/hierarchicalrequirement',
        status: 429,
        retryAfterSeconds: 2,
        times: 2,
      })
    ).json()) as { id: string };
    expect(rule.id).toBeTruthy();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${sim.url}${WSAPI}/hierarchicalrequirement`, { headers: key });
      statuses.push(r.status);
      if (r.status === 429) expect(r.headers.get('retry-after')).toBe('2');
    }
    expect(statuses).toEqual([429, 429, 200]);
    const other = await fetch(`${sim.url}${WSAPI}/defect`, { headers: key });
    expect(other.status).toBe(200);
  });

  it('a rule with bodyMatches hits only the request whose body matches; others are created', async () => {
    await control('POST', '/faults', {
      method: 'POST',
      path: '/defect/create',
      bodyMatches: 'Refuse me',
      status: 400,
    });
    const create = (name: string) =>
      fetch(`${sim.url}${WSAPI}/defect/create`, {
        method: 'POST',
        headers: key,
        body: JSON.stringify({
          Defect: { Name: name, Project: `/project/${SEED_IDS.projectAlpha}` },
        }),
      });
    const before = await countDefects();
    expect((await create('Someone else’s defect')).status).toBe(200);
    expect((await create('Refuse me please')).status).toBe(400);
    expect(await countDefects()).toBe(before + 1);
  });

  it('drops the connection after committing a create (the retry-duplicates trap)', async () => {
    const before = await countDefects();
    await control('POST', '/faults', {
      method: 'POST',
      path: '/defect/create',
      action: 'drop-after-commit',
      times: 1,
    });
    const api = rally({ server: sim.url, apiKey: DEFAULT_ADMIN_API_KEY });
    await expect(
      api.create({
        type: 'defect',
        data: { Name: 'Lost answer', Project: `/project/${SEED_IDS.projectAlpha}` },
      }),
    ).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(await countDefects()).toBe(before + 1);
  });

  it('drops the connection before processing', async () => {
    const before = await countDefects();
    await control('POST', '/faults', {
      method: 'POST',
      path: '/defect/create',
      action: 'drop',
      times: 1,
    });
    await expect(
      fetch(`${sim.url}${WSAPI}/defect/create`, {
        method: 'POST',
        headers: key,
        body: JSON.stringify({
          Defect: { Name: 'x', Project: `/project/${SEED_IDS.projectAlpha}` },
        }),
      }),
    ).rejects.toThrow();
    expect(await countDefects()).toBe(before);
  });

  it('hangs, then answers 524 like Rally’s gateway', async () => {
    await control('POST', '/faults', { path: '/defect', action: 'hang', delayMs: 150, times: 1 });
    const t0 = Date.now();
    const r = await fetch(`${sim.url}${WSAPI}/defect`, { headers: key });
    expect(r.status).toBe(524);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('latency: fixed plus jitter, not applied to /__sim/', async () => {
    await control('PUT', '/latency', { fixedMs: 120, jitterMs: 30 });
    let t0 = Date.now();
    await fetch(`${sim.url}${WSAPI}/defect`, { headers: key });
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(115);
    expect(took).toBeLessThan(2000);
    t0 = Date.now();
    await control('GET', '/latency');
    expect(Date.now() - t0).toBeLessThan(100);
  });

  it('act-as create and delete, recycle bin restore', async () => {
    const created = (await (
      await control('POST', '/act-as', {
        user: 'dana.developer@acme.example',
        action: 'create',
        type: 'HierarchicalRequirement',
        data: { Name: 'From the Rally UI', Project: `/project/${SEED_IDS.projectAlpha}` },
      })
    ).json()) as { Object: { ObjectID: number; Owner: { _refObjectName: string } } };
    expect(created.Object.Owner._refObjectName).toBe('Dana Developer');
    const oid = created.Object.ObjectID;
    await control('POST', '/act-as', {
      user: 'dana.developer@acme.example',
      action: 'delete',
      ref: `/hierarchicalrequirement/${oid}`,
    });
    expect(
      (await fetch(`${sim.url}${WSAPI}/hierarchicalrequirement/${oid}`, { headers: key })).status,
    ).toBe(200);
    const gone = (await (
      await fetch(`${sim.url}${WSAPI}/hierarchicalrequirement/${oid}`, { headers: key })
    ).json()) as { OperationResult: { Errors: string[] } };
    expect(gone.OperationResult.Errors).toEqual(['Cannot find object to read']);
    await control('POST', `/recyclebin/${oid}/restore`);
    const back = (await (
      await fetch(`${sim.url}${WSAPI}/hierarchicalrequirement/${oid}?fetch=Name`, { headers: key })
    ).json()) as { HierarchicalRequirement: { Name: string } };
    expect(back.HierarchicalRequirement.Name).toBe('From the Rally UI');
  });

  it('mTLS cannot be required on a plain-HTTP simulator', async () => {
    const r = await control('PUT', '/mtls', { required: true });
    expect(r.status).toBe(409);
  });

  it('reset restores the seed', async () => {
    await fetch(`${sim.url}${WSAPI}/hierarchicalrequirement/${SEED_IDS.storyParent}`, {
      method: 'DELETE',
      headers: key,
    });
    await control('POST', '/reset');
    const r = (await (
      await fetch(`${sim.url}${WSAPI}/hierarchicalrequirement/${SEED_IDS.storyParent}?fetch=Name`, {
        headers: key,
      })
    ).json()) as { HierarchicalRequirement: { Name: string } };
    expect(r.HierarchicalRequirement.Name).toBe('Export roadmap to CSV');
  });
});
