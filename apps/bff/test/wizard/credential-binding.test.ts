import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { integrationSchema } from '@tandem/contracts';
import { DEFAULT_ADMIN_API_KEY, DEFAULT_OAUTH_CLIENT } from '@tandem/sim-rally';
import { type DatabaseHandle, usersRepository, workspacesRepository } from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { hashPassword } from '../../src/lib/passwords.ts';
import { rallySimulatorForSuite, signedInOwner } from './suite-setup.ts';
import {
  authorizeTemplate,
  type Browser,
  draftWithAccount,
  rallyBrowser,
  readTemplate,
  signIn,
  templateWithAccount,
} from './support.ts';

type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };

/**
 * A server an attacker controls, on the loopback: it keeps whatever reaches it and answers like a
 * remote that refuses everything.
 */
function listenerForSuite() {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":"who are you"}');
    });
  });
  const listener = {
    url: '',
    seen,
    /** Everything it received, as one text to search for secrets. */
    text: () => JSON.stringify(seen),
  };
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    listener.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    seen.length = 0;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return listener;
}

/** The owner of a workspace of their own, and of nothing else (the demo owner owns two). */
async function strangerOwner(database: DatabaseHandle, app: { client(): Browser }) {
  const key = `X${randomBytes(3).toString('hex').toUpperCase()}`;
  const email = `${key.toLowerCase()}@stranger.test`;
  const user = await usersRepository(database.db).create({
    email,
    name: 'Sam Stranger',
    passwordHash: await hashPassword('tandem-demo'),
  });
  const workspaces = workspacesRepository(database.db);
  const workspace = await workspaces.create({ key, name: `Stranger ${key}` });
  await workspaces.addMember(workspace.id, user.id, 'owner');
  const browser = app.client();
  const signedIn = await signIn(browser, email);
  expect(signedIn.workspace.id).toBe(workspace.id);
  return { browser, ...signedIn };
}

/** A template of the demo owner's first workspace, on the simulator, connected with an API key. */
async function connectedTemplate(browser: Browser, accountUrl: string) {
  const template = await templateWithAccount(
    browser,
    accountUrl,
    `Shared ${randomBytes(2).toString('hex')}`,
  );
  const res = await browser.request(
    'PUT',
    `/api/integration-templates/${template.id}/credentials/api-key`,
    { apiKey: DEFAULT_ADMIN_API_KEY },
  );
  expect(res.status).toBe(200);
  return template;
}

async function patchSettings(
  browser: Browser,
  base: string,
  id: string,
  settings: Record<string, unknown>,
) {
  const current = await (await browser.request('GET', `${base}/${id}`)).json();
  return browser.request('PATCH', `${base}/${id}`, { version: current.version, settings });
}

const readIntegration = async (browser: Browser, base: string, id: string) =>
  integrationSchema.parse(await (await browser.request('GET', `${base}/${id}`)).json());

/**
 * Stored credentials are bound to the account URL they were granted for (issue 14, decision 021):
 * another workspace's template, an integration's own URL, a changed URL or Tandem's OAuth client
 * never carry them to a server they were not granted for.
 */
describeEachDialect('credentials bound to their account URL', (handle) => {
  const sim = rallySimulatorForSuite();
  const listener = listenerForSuite();
  beforeEach(() => sim.simulator.control.reset());

  it('another workspace’s owner building on a template with their own URL never receives its API key', async () => {
    const { app, browser } = await signedInOwner(handle());
    const template = await connectedTemplate(browser, sim.url);
    const stranger = await strangerOwner(handle(), app);

    // The attack as reported: an integration from workspace A's template, with its own URL.
    const made = await stranger.browser.request('POST', stranger.base, {
      system: 'rally',
      name: 'Borrowed',
      templateId: template.id,
    });
    if (made.status === 201) {
      const { id } = await made.json();
      await patchSettings(stranger.browser, stranger.base, id, { accountUrl: listener.url });
      await stranger.browser.request('GET', `${stranger.base}/${id}/remote/workspaces`);
    }
    expect(listener.text()).not.toContain(DEFAULT_ADMIN_API_KEY);
    // Not even the template's existence is confirmed to them.
    expect(made.status).toBe(400);
    expect((await made.json()).error.details.fields[0]).toEqual({
      path: 'templateId',
      message: 'There is no such template',
    });
    await app.close();
  });

  it('another workspace’s owner can neither see, read, change, authorize nor share the template', async () => {
    const { app, browser } = await signedInOwner(handle());
    const template = await connectedTemplate(browser, sim.url);
    const stranger = await strangerOwner(handle(), app);
    const url = `/api/integration-templates/${template.id}`;

    const listed = await (
      await stranger.browser.request('GET', '/api/integration-templates')
    ).json();
    expect(listed.templates.map((t: { id: string }) => t.id)).not.toContain(template.id);
    const attempts = [
      ['GET', url],
      ['PATCH', url, { version: template.version + 1, settings: { accountUrl: listener.url } }],
      ['PUT', `${url}/credentials/api-key`, { apiKey: 'their-own-key-0123456789' }],
      ['POST', `${url}/oauth/start`, { workspaceId: stranger.workspace.id }],
      ['PUT', `${url}/shares/${stranger.workspace.key}`],
      ['GET', `${url}/shares`],
      ['DELETE', `${url}/client-certificate`],
      ['DELETE', url],
    ] as const;
    for (const [method, path, body] of attempts) {
      const res = await stranger.browser.request(method, path, body);
      expect(`${method} ${path} → ${res.status}`).toBe(`${method} ${path} → 404`);
    }
    // Nothing changed, and the template's URL still points at the simulator.
    const after = await readTemplate(browser, template.id);
    expect(after.settings.accountUrl).toBe(sim.url);
    expect(after.hasCredentials).toBe(true);
    expect(after.version).toBe(template.version + 1);
    // A contributor of the template's own workspace is no owner of anything.
    const contributor = app.client();
    await contributor.login('contributor@tandem.demo');
    expect((await contributor.request('GET', url)).status).toBe(403);
    expect(
      (await contributor.request('PUT', `${url}/shares/${stranger.workspace.key}`)).status,
    ).toBe(403);
    await app.close();
  });

  it('a shared template lends its connection for its own account URL only', async () => {
    const { app, browser } = await signedInOwner(handle());
    const template = await connectedTemplate(browser, sim.url);
    const stranger = await strangerOwner(handle(), app);

    const shared = await browser.request(
      'PUT',
      `/api/integration-templates/${template.id}/shares/${stranger.workspace.key}`,
    );
    expect(shared.status).toBe(200);
    expect((await shared.json()).sharedWith.map((w: { key: string }) => w.key)).toEqual([
      stranger.workspace.key,
    ]);
    const made = await stranger.browser.request('POST', stranger.base, {
      system: 'rally',
      name: 'Shared with us',
      templateId: template.id,
    });
    expect(made.status).toBe(201);
    const { id } = await made.json();
    // It inherits the template's URL and connection.
    const inherited = await readIntegration(stranger.browser, stranger.base, id);
    expect(inherited.settings.accountUrl).toBe(sim.url);
    expect(inherited.connection).toMatchObject({ kind: 'api_key', fromTemplate: true });

    // Its own URL: the template's key stays behind, and the answer says so.
    const moved = await patchSettings(stranger.browser, stranger.base, id, {
      accountUrl: listener.url,
    });
    expect(moved.status).toBe(200);
    const movedView = await moved.json();
    expect(movedView.connection).toBeNull();
    expect(movedView.notice).toMatch(/connected for http:\/\/127\.0\.0\.1:\d+ only/);
    const refused = await stranger.browser.request(
      'GET',
      `${stranger.base}/${id}/remote/workspaces`,
    );
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(listener.text()).not.toContain(DEFAULT_ADMIN_API_KEY);

    // The template's own account again, however it is typed: the connection is lent again.
    const port = new URL(sim.url).port;
    const back = await patchSettings(stranger.browser, stranger.base, id, {
      accountUrl: `HTTP://127.0.0.1:${port}/slm/webservice/v2.0/`,
    });
    expect((await back.json()).connection).toMatchObject({ kind: 'api_key', fromTemplate: true });
    expect(
      (await stranger.browser.request('GET', `${stranger.base}/${id}/remote/workspaces`)).status,
    ).toBe(200);
    // `localhost` is another account URL, though it reaches the same server.
    const renamed = await patchSettings(stranger.browser, stranger.base, id, {
      accountUrl: `http://localhost:${port}`,
    });
    expect((await renamed.json()).connection).toBeNull();

    // Unshared: the integration no longer uses the template at all.
    await patchSettings(stranger.browser, stranger.base, id, { accountUrl: sim.url });
    const unshared = await browser.request(
      'DELETE',
      `/api/integration-templates/${template.id}/shares/${stranger.workspace.key}`,
    );
    expect((await unshared.json()).sharedWith).toEqual([]);
    expect((await readIntegration(stranger.browser, stranger.base, id)).connection).toBeNull();
    expect(
      (await stranger.browser.request('GET', `${stranger.base}/${id}/remote/workspaces`)).status,
    ).toBe(409);
    // Sharing needs a workspace that exists, and not the template's own.
    const own = await browser.request(
      'PUT',
      `/api/integration-templates/${template.id}/shares/${(await signIn(browser)).workspace.key}`,
    );
    expect(own.status).toBe(400);
    expect(
      (await browser.request('PUT', `/api/integration-templates/${template.id}/shares/NOPE1`))
        .status,
    ).toBe(404);
    await app.close();
  });

  it('an integration of the template’s own workspace with another URL does not inherit either', async () => {
    const { app, browser, base } = await signedInOwner(handle());
    const template = await connectedTemplate(browser, sim.url);
    const made = await (
      await browser.request('POST', base, {
        system: 'rally',
        name: 'Own URL',
        templateId: template.id,
      })
    ).json();
    const moved = await patchSettings(browser, base, made.id, { accountUrl: listener.url });
    expect((await moved.json()).connection).toBeNull();
    await browser.request('GET', `${base}/${made.id}/remote/workspaces`);
    expect(listener.text()).not.toContain(DEFAULT_ADMIN_API_KEY);
    await app.close();
  });

  it('changing the account URL drops the credentials; pointing it back does not bring them back', async () => {
    const { app, browser, base } = await signedInOwner(handle());
    const draft = await draftWithAccount(browser, base, sim.url);
    const connected = await browser.request('PUT', `${base}/${draft.id}/credentials/api-key`, {
      apiKey: DEFAULT_ADMIN_API_KEY,
    });
    expect(connected.status).toBe(200);

    // The same account written differently keeps them.
    const port = new URL(sim.url).port;
    const same = await patchSettings(browser, base, draft.id, {
      accountUrl: `HTTP://127.0.0.1:${port}/`,
    });
    const sameView = await same.json();
    expect(sameView.notice).toBeUndefined();
    expect(sameView.connection).toMatchObject({ kind: 'api_key', fromTemplate: false });

    // Another account drops them, and says so.
    const moved = await patchSettings(browser, base, draft.id, { accountUrl: listener.url });
    expect(moved.status).toBe(200);
    const movedView = await moved.json();
    expect(movedView.connection).toBeNull();
    expect(movedView.notice).toBe(
      `The API key stored for ${sim.url} was removed: credentials only work for the account URL they were granted for. Connect ${listener.url} again`,
    );
    await browser.request('GET', `${base}/${draft.id}/remote/workspaces`);
    expect(listener.text()).not.toContain(DEFAULT_ADMIN_API_KEY);
    const log = await (await browser.request('GET', `${base}/${draft.id}/log?level=warn`)).json();
    expect(JSON.stringify(log)).toContain('The API key stored for');

    // Back to the first account: still not connected.
    const back = await patchSettings(browser, base, draft.id, { accountUrl: sim.url });
    expect((await back.json()).connection).toBeNull();
    expect((await browser.request('GET', `${base}/${draft.id}/remote/workspaces`)).status).toBe(
      409,
    );
    await app.close();
  });

  it('a template’s new account URL drops its credentials too', async () => {
    const { app, browser } = await signedInOwner(handle());
    const template = await connectedTemplate(browser, sim.url);
    const current = await readTemplate(browser, template.id);
    const moved = await browser.request('PATCH', `/api/integration-templates/${template.id}`, {
      version: current.version,
      settings: { accountUrl: listener.url },
    });
    expect(moved.status).toBe(200);
    const view = await moved.json();
    expect(view.hasCredentials).toBe(false);
    expect(view.notice).toMatch(/^The API key stored for http:\/\/127\.0\.0\.1:\d+ was removed/);
    const again = await browser.request('PATCH', `/api/integration-templates/${template.id}`, {
      version: view.version,
      settings: { accountUrl: sim.url },
    });
    expect((await again.json()).hasCredentials).toBe(false);
    await app.close();
  });

  it('Tandem’s OAuth client secret goes only to the token endpoint of the account it is registered with', async () => {
    const { app, browser, base } = await signedInOwner(handle());
    const secret = DEFAULT_OAUTH_CLIENT.clientSecret;

    // An integration naming the attacker's server cannot start Rally's sign-in at all.
    const theirs = await draftWithAccount(browser, base, listener.url, 'Theirs');
    const start = await browser.request('POST', `${base}/${theirs.id}/oauth/start`);
    if (start.status === 200) {
      const state = new URL((await start.json()).authorizationUrl).searchParams.get('state');
      await browser.request('GET', `/api/oauth/rally/callback?code=stolen&state=${state}`);
    }
    expect(listener.text()).not.toContain(secret);
    expect(start.status).toBe(400);
    expect((await start.json()).error.message).toBe(
      `Tandem's Rally sign-in is registered for ${sim.url}, not ${listener.url}; connect this account with an API key`,
    );

    // Started for the registered account, then re-pointed before Rally's answer comes back.
    const draft = await draftWithAccount(browser, base, sim.url, 'Switched');
    const started = await browser.request('POST', `${base}/${draft.id}/oauth/start`);
    expect(started.status).toBe(200);
    const { callback } = await rallyBrowser().authorize((await started.json()).authorizationUrl);
    await patchSettings(browser, base, draft.id, { accountUrl: listener.url });
    const answer = await browser.request('GET', `${callback.pathname}${callback.search}`);
    expect(answer.headers.get('location')).toMatch(/\?error=exchange_failed$/);
    expect(listener.text()).not.toContain(secret);
    expect(listener.seen).toEqual([]);
    expect((await readIntegration(browser, base, draft.id)).connection).toBeNull();
    await app.close();
  });

  it('a template’s OAuth grant reaches no other account, and is refreshed at the registered one', async () => {
    let clock = Date.now();
    const { app, browser, workspace, base } = await signedInOwner(handle(), {
      now: () => new Date(clock),
    });
    sim.simulator.control.setTokenSettings({
      accessTokenSeconds: 3600,
      refreshTokenSeconds: 30 * 86_400,
      reportRefreshTokenExpiry: false,
    });
    const template = await templateWithAccount(browser, sim.url, 'Granted');
    await authorizeTemplate(browser, template.id, workspace.id, rallyBrowser());
    const made = await (
      await browser.request('POST', base, {
        system: 'rally',
        name: 'Elsewhere',
        templateId: template.id,
      })
    ).json();
    await patchSettings(browser, base, made.id, { accountUrl: listener.url });
    clock += 2 * 3600_000; // the access token has expired: a request would refresh it first
    await browser.request('GET', `${base}/${made.id}/remote/workspaces`);
    expect(listener.seen).toEqual([]);

    // Its own workspace on the template's account refreshes at Rally and works.
    await patchSettings(browser, base, made.id, { accountUrl: sim.url });
    expect((await browser.request('GET', `${base}/${made.id}/remote/workspaces`)).status).toBe(200);
    expect(listener.seen).toEqual([]);
    await app.close();
  });
});
