import {
  DEFAULT_ADMIN_API_KEY,
  type RunningRallySimulator,
  SEED_IDS,
  startRallySimulator,
} from '@tandem/sim-rally';
import { describeEachDialect } from '@tandem/storage/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp } from './support/test-app.ts';
import { RALLY_MAPPINGS } from './sync/support.ts';

describeEachDialect('integrations API', (handle) => {
  let sim: RunningRallySimulator;
  beforeAll(async () => {
    sim = await startRallySimulator({ port: 0 });
  });
  afterAll(async () => {
    await sim.close();
  });

  async function owner(env: Record<string, string> = { ALLOW_PRIVATE_NETWORK: 'true' }) {
    const { client } = await createTestApp(handle(), env);
    const browser = client();
    const { workspaces } = await (await browser.login('owner@tandem.demo')).json();
    const base = `/api/workspaces/${workspaces[0].id}/integrations`;
    return { browser, base };
  }

  it('creates a draft, saves settings step by step, connects with an API key and enables it', async () => {
    const { browser, base } = await owner();
    const created = await (
      await browser.request('POST', base, { system: 'rally', name: 'Rally – Mobile' })
    ).json();
    expect(created).toMatchObject({
      state: 'draft',
      wizardStep: 'name',
      connection: null,
      accountLocked: false,
    });

    const account = await browser.request('PATCH', `${base}/${created.id}`, {
      version: created.version,
      wizardStep: 'authorize',
      settings: { accountUrl: `${sim.url}/slm/webservice/v2.0/` },
    });
    const afterAccount = await account.json();
    expect(afterAccount.settings.accountUrl).toBe(sim.url);

    const connect = await browser.request('PUT', `${base}/${created.id}/credentials/api-key`, {
      apiKey: DEFAULT_ADMIN_API_KEY,
    });
    const connected = await connect.json();
    expect(connect.status).toBe(200);
    expect(connected.connection).toMatchObject({ kind: 'api_key', connectedAs: 'Pat Planner' });
    expect(JSON.stringify(connected)).not.toContain(DEFAULT_ADMIN_API_KEY);

    const early = await browser.request('POST', `${base}/${created.id}/enable`);
    expect(early.status).toBe(400);
    expect((await early.json()).error.message).toMatch(/not fully set up/);

    const configured = await (
      await browser.request('PATCH', `${base}/${created.id}`, {
        version: connected.version,
        settings: {
          remoteWorkspace: { id: String(SEED_IDS.workspace), name: 'Acme' },
          remoteProject: { id: String(SEED_IDS.projectAlpha), name: 'Alpha' },
          recordMappings: RALLY_MAPPINGS,
        },
      })
    ).json();
    const enabled = await browser.request('POST', `${base}/${configured.id}/enable`);
    expect(enabled.status).toBe(200);
    expect((await enabled.json()).state).toBe('enabled');
  });

  it('refuses a wrong API key with a field message and stores nothing', async () => {
    const { browser, base } = await owner();
    const created = await (
      await browser.request('POST', base, { system: 'rally', name: 'Bad key' })
    ).json();
    await browser.request('PATCH', `${base}/${created.id}`, {
      version: 1,
      settings: { accountUrl: sim.url },
    });
    const res = await browser.request('PUT', `${base}/${created.id}/credentials/api-key`, {
      apiKey: '_not-a-real-key-000',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.fields[0]).toEqual({
      path: 'apiKey',
      message: 'The account refused this API key',
    });
    expect(
      (await (await browser.request('GET', `${base}/${created.id}`)).json()).connection,
    ).toBeNull();
  });

  it('refuses a loopback account URL unless private networks are allowed', async () => {
    const { browser, base } = await owner({});
    const created = await (
      await browser.request('POST', base, { system: 'rally', name: 'SSRF' })
    ).json();
    const res = await browser.request('PATCH', `${base}/${created.id}`, {
      version: 1,
      settings: { accountUrl: sim.url },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.fields[0].path).toBe('settings.accountUrl');
    expect((await (await browser.request('GET', `${base}/${created.id}`)).json()).settings).toEqual(
      {},
    );
  });

  it('answers a stale version with 409 and the current integration', async () => {
    const { browser, base } = await owner();
    const created = await (
      await browser.request('POST', base, { system: 'rally', name: 'Race' })
    ).json();
    await browser.request('PATCH', `${base}/${created.id}`, { version: 1, name: 'First' });
    const stale = await browser.request('PATCH', `${base}/${created.id}`, {
      version: 1,
      name: 'Second',
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.details.current.name).toBe('First');
  });

  it('keeps integrations from contributors, but tells them which ones send', async () => {
    const { client } = await createTestApp(handle());
    const browser = client();
    const { workspaces } = await (await browser.login('contributor@tandem.demo')).json();
    const base = `/api/workspaces/${workspaces[0].id}/integrations`;
    expect((await browser.request('GET', base)).status).toBe(403);
    expect((await browser.request('POST', base, { system: 'rally', name: 'Mine' })).status).toBe(
      403,
    );
    expect((await browser.request('GET', `${base}/enabled`)).status).toBe(200);
  });
});
