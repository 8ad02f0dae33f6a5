import { integrationTemplateSchema } from '@tandem/contracts';
import { DEFAULT_ADMIN_API_KEY } from '@tandem/sim-rally';
import { oauthStatesRepository } from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { beforeEach, expect, it } from 'vitest';
import { rallySimulatorForSuite, signedInOwner } from './suite-setup.ts';
import {
  authorizeTemplate,
  draftWithAccount,
  rallyBrowser,
  readTemplate,
  templateWithAccount,
} from './support.ts';

/** A template authorized on its own, through Rally's real login and consent pages. */
describeEachDialect('authorizing an integration template', (handle) => {
  const sim = rallySimulatorForSuite();
  // Rally remembers consent; each test starts from a Rally that has not seen Tandem.
  beforeEach(() => sim.simulator.control.reset());

  const templatePage = (key: string, id: string) =>
    `/w/${key}/settings/integrations/templates/${id}`;

  it('connects through Rally’s login page and comes back to the template’s page', async () => {
    const { app, browser, workspace } = await signedInOwner(handle());
    const template = await templateWithAccount(browser, `${sim.url}/slm/webservice/v2.0/`);
    // The wizard's normalisation: a pasted API address is cut back to the account.
    expect(template.settings.accountUrl).toBe(sim.url);
    expect((await readTemplate(browser, template.id)).connection).toBeNull();

    const done = await authorizeTemplate(browser, template.id, workspace.id, rallyBrowser());
    expect(done.prompts).toEqual(['login', 'consent']);
    expect(done.authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(done.answer.status).toBe(302);
    expect(done.location).toBe(`${templatePage(workspace.key, template.id)}?connected=1`);
    const connected = await readTemplate(browser, template.id);
    expect(connected.hasCredentials).toBe(true);
    expect(connected.connection).toMatchObject({
      kind: 'oauth2',
      connectedAs: 'Pat Planner',
      needsReauthorization: false,
    });
    expect(Date.parse(connected.connection?.connectedAt ?? '')).toBeGreaterThan(
      Date.now() - 60_000,
    );
    expect(JSON.stringify(connected)).not.toMatch(/"(accessToken|refreshToken)"/);
    await app.close();
  });

  it('says so on the template’s page when consent is cancelled, late, or not the one started', async () => {
    let clock = Date.now();
    const { app, browser, workspace } = await signedInOwner(handle(), {
      now: () => new Date(clock),
    });
    const template = await templateWithAccount(browser, sim.url);
    const page = templatePage(workspace.key, template.id);

    const denied = await authorizeTemplate(browser, template.id, workspace.id, rallyBrowser(), {
      decision: 'deny',
    });
    expect(denied.prompts).toEqual(['login', 'consent']);
    expect(denied.location).toBe(`${page}?error=denied`);

    const rally = rallyBrowser();
    const start = async () =>
      (
        await browser.request('POST', `/api/integration-templates/${template.id}/oauth/start`, {
          workspaceId: workspace.id,
        })
      ).json();
    const { callback } = await rally.authorize((await start()).authorizationUrl);
    const forged = new URL(callback);
    const state = forged.searchParams.get('state')!;
    expect(state.startsWith(`template~${template.id}~${workspace.id}~`)).toBe(true);
    forged.searchParams.set('state', `${state.slice(0, state.lastIndexOf('~'))}~not-ours`);
    const mismatch = await browser.request('GET', `${forged.pathname}${forged.search}`);
    expect(mismatch.headers.get('location')).toBe(`${page}?error=state_mismatch`);
    const ok = await browser.request('GET', `${callback.pathname}${callback.search}`);
    expect(ok.headers.get('location')).toBe(`${page}?connected=1`);
    const replay = await browser.request('GET', `${callback.pathname}${callback.search}`);
    expect(replay.headers.get('location')).toBe(`${page}?error=state_mismatch`);

    const late = await rally.authorize((await start()).authorizationUrl);
    clock += 11 * 60_000;
    const expired = await browser.request(
      'GET',
      `${late.callback.pathname}${late.callback.search}`,
    );
    expect(expired.headers.get('location')).toBe(`${page}?error=expired`);

    // A template nobody can reach, or a workspace the user does not own: no redirect at all.
    const stray = await browser.request(
      'GET',
      `/api/oauth/rally/callback?code=x&state=template~nope~${workspace.id}~x`,
    );
    expect(stray.status).toBe(400);
    await app.close();
  });

  it('never lets a template’s state complete an integration’s authorization, nor the reverse', async () => {
    const { app, browser, workspace, base } = await signedInOwner(handle());
    const template = await templateWithAccount(browser, sim.url);
    const draft = await draftWithAccount(browser, base, sim.url);
    const rally = rallyBrowser();
    const forTemplate = await rally.authorize(
      (
        await (
          await browser.request('POST', `/api/integration-templates/${template.id}/oauth/start`, {
            workspaceId: workspace.id,
          })
        ).json()
      ).authorizationUrl,
    );
    const forIntegration = await rally.authorize(
      (await (await browser.request('POST', `${base}/${draft.id}/oauth/start`)).json())
        .authorizationUrl,
    );
    const randomOf = (u: URL) => u.searchParams.get('state')!.split('~').at(-1)!;
    const answer = (u: URL, state: string) => {
      const forged = new URL(u);
      forged.searchParams.set('state', state);
      return browser.request('GET', `${forged.pathname}${forged.search}`);
    };
    const wizard = `/w/${workspace.key}/settings/integrations/${draft.id}/wizard/authorize`;
    const page = templatePage(workspace.key, template.id);

    // The template's secret part, addressed to the integration, and the reverse.
    const swapped = await answer(
      forTemplate.callback,
      `${draft.id}~${randomOf(forTemplate.callback)}`,
    );
    expect(swapped.headers.get('location')).toBe(`${wizard}?error=state_mismatch`);
    const reversed = await answer(
      forIntegration.callback,
      `template~${template.id}~${workspace.id}~${randomOf(forIntegration.callback)}`,
    );
    expect(reversed.headers.get('location')).toBe(`${page}?error=state_mismatch`);

    // A stored state is bound to its owner, whatever its text names.
    const states = oauthStatesRepository(handle().db);
    const soon = new Date(Date.now() + 60_000).toISOString();
    const planted = {
      userId: (await (await browser.request('GET', '/api/auth/session')).json()).user.id,
      sealedVerifier: 'x',
      redirectUri: `${app.publicUrl}/api/oauth/rally/callback`,
      createdAt: new Date().toISOString(),
      expiresAt: soon,
    };
    await states.create({
      ...planted,
      state: `${draft.id}~planted-for-the-template`,
      subject: { kind: 'template', id: template.id },
    });
    await states.create({
      ...planted,
      state: `template~${template.id}~${workspace.id}~planted-for-the-integration`,
      subject: { kind: 'integration', id: draft.id },
    });
    const t1 = await answer(forTemplate.callback, `${draft.id}~planted-for-the-template`);
    expect(t1.headers.get('location')).toBe(`${wizard}?error=state_mismatch`);
    const t2 = await answer(
      forIntegration.callback,
      `template~${template.id}~${workspace.id}~planted-for-the-integration`,
    );
    expect(t2.headers.get('location')).toBe(`${page}?error=state_mismatch`);
    expect((await readTemplate(browser, template.id)).connection).toBeNull();
    expect(
      (await (await browser.request('GET', `${base}/${draft.id}`)).json()).connection,
    ).toBeNull();

    // The genuine answers still complete their own authorizations.
    const t = forTemplate.callback;
    expect((await browser.request('GET', `${t.pathname}${t.search}`)).headers.get('location')).toBe(
      `${page}?connected=1`,
    );
    const i = forIntegration.callback;
    expect((await browser.request('GET', `${i.pathname}${i.search}`)).headers.get('location')).toBe(
      `${wizard}?connected=1`,
    );
    await app.close();
  });

  it('takes an API key instead, checked by Rally first, as the wizard does', async () => {
    const { app, browser, workspace } = await signedInOwner(handle());
    const template = await templateWithAccount(browser, sim.url);
    const url = `/api/integration-templates/${template.id}/credentials/api-key`;
    const refused = await browser.request('PUT', url, { apiKey: '_not-a-rally-key-at-all' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details.fields).toEqual([
      { path: 'apiKey', message: 'The account refused this API key' },
    ]);
    expect((await readTemplate(browser, template.id)).hasCredentials).toBe(false);
    const keyed = await browser.request('PUT', url, { apiKey: DEFAULT_ADMIN_API_KEY });
    expect(keyed.status).toBe(200);
    expect(integrationTemplateSchema.parse(await keyed.json()).connection).toMatchObject({
      kind: 'api_key',
      connectedAs: 'Pat Planner',
      expiresAt: null,
    });
    // Signing in with Rally afterwards replaces the key.
    await authorizeTemplate(browser, template.id, workspace.id, rallyBrowser());
    expect((await readTemplate(browser, template.id)).connection?.kind).toBe('oauth2');
    await app.close();
  });

  it('is for workspace owners only', async () => {
    const { app, browser, workspace } = await signedInOwner(handle());
    const template = await templateWithAccount(browser, sim.url);
    const contributor = app.client();
    await contributor.login('contributor@tandem.demo');
    const base = `/api/integration-templates/${template.id}`;
    for (const [method, path, body] of [
      ['GET', base],
      ['POST', `${base}/oauth/start`, { workspaceId: workspace.id }],
      ['PUT', `${base}/credentials/api-key`, { apiKey: DEFAULT_ADMIN_API_KEY }],
    ] as const) {
      const res = await contributor.request(method, path, body);
      expect(`${method} ${path} → ${res.status}`).toBe(`${method} ${path} → 403`);
    }
    // An owner authorizes from a workspace of their own only.
    const elsewhere = await browser.request('POST', `${base}/oauth/start`, {
      workspaceId: 'someone-elses-workspace',
    });
    expect(elsewhere.status).toBe(400);
    expect((await elsewhere.json()).error.details.fields[0].path).toBe('workspaceId');
    // An answer started by the owner is no one else's to complete.
    const { authorizationUrl } = await (
      await browser.request('POST', `${base}/oauth/start`, { workspaceId: workspace.id })
    ).json();
    const { callback } = await rallyBrowser().authorize(authorizationUrl);
    const taken = await contributor.request('GET', `${callback.pathname}${callback.search}`);
    expect(taken.status).toBe(400);
    expect((await readTemplate(browser, template.id)).connection).toBeNull();
    await app.close();
  });
});
