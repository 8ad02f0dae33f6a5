import { generateKeyPairSync } from 'node:crypto';
import { SEED_IDS, testClientCertificate } from '@tandem/sim-rally';
import { integrationLogRepository, integrationsRepository } from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { RALLY_MAPPINGS } from '../sync/support.ts';
import { rallySimulatorForSuite, signedInOwner } from './suite-setup.ts';
import { authorizeIntegration, draftWithAccount, rallyBrowser } from './support.ts';

/** Every bad input at a wizard step is a clear 4xx (or a clear error on the return), and saves nothing. */
describeEachDialect('Rally wizard API: bad input', (handle) => {
  const sim = rallySimulatorForSuite();

  it('refuses a malformed account URL and a private address, saving nothing', async () => {
    const { app, browser, base } = await signedInOwner(handle(), {
      env: { ALLOW_PRIVATE_NETWORK: 'false' },
    });
    const created = await (
      await browser.request('POST', base, { system: 'rally', name: 'Bad URL' })
    ).json();
    const malformed = await browser.request('PATCH', `${base}/${created.id}`, {
      version: created.version,
      settings: { accountUrl: 'https://exa mple.com:99999' },
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.details.fields).toEqual([
      { path: 'settings.accountUrl', message: 'This is not a valid URL' },
    ]);
    const refused = await browser.request('PATCH', `${base}/${created.id}`, {
      version: created.version,
      settings: { accountUrl: sim.url },
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details.fields[0].message).toMatch(
      /is a private address; Tandem does not connect to private networks/,
    );
    const saved = await (await browser.request('GET', `${base}/${created.id}`)).json();
    expect(saved.settings).toEqual({});
    expect(saved.version).toBe(created.version);
    // Authorizing needs an account first.
    const start = await browser.request('POST', `${base}/${created.id}/oauth/start`);
    expect(start.status).toBe(400);
    expect((await start.json()).error.details.fields[0].path).toBe('settings.accountUrl');
    await app.close();
  });

  it('comes back to the authorize step with ?error=denied when consent is cancelled', async () => {
    const { app, browser, base } = await signedInOwner(handle());
    const draft = await draftWithAccount(browser, base, sim.url);
    const denied = await authorizeIntegration(browser, base, draft.id, rallyBrowser(), {
      decision: 'deny',
    });
    expect(denied.prompts).toEqual(['login', 'consent']);
    expect(denied.location).toMatch(/\/wizard\/authorize\?error=denied$/);
    expect(
      (await (await browser.request('GET', `${base}/${draft.id}`)).json()).connection,
    ).toBeNull();
    await app.close();
  });

  it('refuses an answer whose state does not match, and a replayed one', async () => {
    const { app, browser, base } = await signedInOwner(handle());
    const draft = await draftWithAccount(browser, base, sim.url);
    const rally = rallyBrowser();
    const { authorizationUrl } = await (
      await browser.request('POST', `${base}/${draft.id}/oauth/start`)
    ).json();
    const { callback } = await rally.authorize(authorizationUrl);
    const forged = new URL(callback);
    forged.searchParams.set('state', `${draft.id}~not-the-state-we-sent`);
    const mismatch = await browser.request('GET', `${forged.pathname}${forged.search}`);
    expect(mismatch.status).toBe(302);
    expect(mismatch.headers.get('location')).toMatch(/\?error=state_mismatch$/);

    const ok = await browser.request('GET', `${callback.pathname}${callback.search}`);
    expect(ok.headers.get('location')).toMatch(/\?connected=1$/);
    const replay = await browser.request('GET', `${callback.pathname}${callback.search}`);
    expect(replay.headers.get('location')).toMatch(/\?error=state_mismatch$/);

    // A state naming no integration of this user is not followed anywhere.
    const stray = await browser.request('GET', '/api/oauth/rally/callback?code=x&state=nobody~x');
    expect(stray.status).toBe(400);
    // A browser without a Tandem session is sent to sign in first (the state stays bound to the
    // user who started, so only they can complete it).
    const other = app.client();
    const anonymous = await other.request('GET', `${callback.pathname}${callback.search}`);
    // Signed out meanwhile: sign in first, then come back to the same callback.
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe(
      `/login?next=${encodeURIComponent(`${callback.pathname}${callback.search}`)}`,
    );
    await app.close();
  });

  it('refuses an answer that comes back after the authorization expired', async () => {
    let clock = Date.now();
    const { app, browser, base } = await signedInOwner(handle(), { now: () => new Date(clock) });
    const draft = await draftWithAccount(browser, base, sim.url);
    const { authorizationUrl } = await (
      await browser.request('POST', `${base}/${draft.id}/oauth/start`)
    ).json();
    const { callback } = await rallyBrowser().authorize(authorizationUrl);
    clock += 11 * 60_000;
    const late = await browser.request('GET', `${callback.pathname}${callback.search}`);
    expect(late.headers.get('location')).toMatch(/\?error=expired$/);
    expect(
      (await (await browser.request('GET', `${base}/${draft.id}`)).json()).connection,
    ).toBeNull();
    await app.close();
  });

  it('refreshes an expiring grant, and asks to re-authorize when Rally refuses it', {
    timeout: 30_000,
  }, async () => {
    let clock = Date.now();
    const { app, browser, base, workspace } = await signedInOwner(handle(), {
      now: () => new Date(clock),
      // A day passes on the clock; the session must not idle out meanwhile.
      env: { SESSION_IDLE_MINUTES: String(7 * 24 * 60) },
    });
    const draft = await draftWithAccount(browser, base, sim.url);
    await authorizeIntegration(browser, base, draft.id, rallyBrowser());
    // As if the wizard had been finished: only an enabled integration changes state.
    await integrationsRepository(handle().db).update(draft.id, { state: 'enabled' });
    const before = (await (await browser.request('GET', `${base}/${draft.id}`)).json()).connection;

    // A day later the access token has expired: Tandem refreshes it before asking Rally.
    clock += 24 * 3600_000;
    const refreshed = await browser.request('GET', `${base}/${draft.id}/remote/workspaces`);
    expect(refreshed.status).toBe(200);
    const after = (await (await browser.request('GET', `${base}/${draft.id}`)).json()).connection;
    expect(Date.parse(after.accessTokenExpiresAt)).toBeGreaterThan(
      Date.parse(before.accessTokenExpiresAt),
    );

    // The grant expires in Rally too: the refresh is refused, the integration needs re-authorizing.
    sim.simulator.control.expireTokens('all');
    clock += 24 * 3600_000;
    const refused = await browser.request('GET', `${base}/${draft.id}/remote/workspaces`);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/re-authorize/);
    const integration = await (await browser.request('GET', `${base}/${draft.id}`)).json();
    expect(integration.state).toBe('needs_reauthorization');
    const send = await browser.request('POST', `${base}/${draft.id}/sends`, { featureIds: ['x'] });
    expect(send.status).toBe(409);
    expect((await send.json()).error.message).toMatch(/needs reauthorization/);
    const errors = async () =>
      (
        await integrationLogRepository(handle().db).list({
          integrationId: draft.id,
          levels: ['error'],
        })
      )
        .map((l) => l.message)
        .join('\n');
    expect(await errors()).toMatch(/could not be refreshed.*needs to be re-authorized/s);

    // Authorizing again puts it back to work.
    const again = await authorizeIntegration(browser, base, draft.id, rallyBrowser());
    expect(again.location).toBe(
      `/w/${workspace.key}/settings/integrations/${draft.id}/wizard/authorize?connected=1`,
    );
    expect((await (await browser.request('GET', `${base}/${draft.id}`)).json()).state).toBe(
      'enabled',
    );

    // A token Rally revoked before it expired: the first refusal marks the integration.
    sim.simulator.control.expireTokens('access');
    const workspaces = await browser.request('GET', `${base}/${draft.id}/remote/workspaces`);
    expect(workspaces.status).toBe(409);
    expect((await (await browser.request('GET', `${base}/${draft.id}`)).json()).state).toBe(
      'needs_reauthorization',
    );
    expect(await errors()).toMatch(/Rally refused the credentials/);
    await app.close();
  });

  it('refuses a key that does not belong to the certificate, and anything that is not PEM', async () => {
    const { app, browser, base } = await signedInOwner(handle());
    const draft = await draftWithAccount(browser, base, sim.url);
    const { cert, key } = testClientCertificate();
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const mismatched = await browser.request('PUT', `${base}/${draft.id}/client-certificate`, {
      privateKeyPem: otherKey,
      certificatePem: cert,
    });
    expect(mismatched.status).toBe(400);
    expect((await mismatched.json()).error.details.fields).toEqual([
      { path: 'privateKeyPem', message: 'This private key does not belong to the certificate' },
    ]);
    const garbage = await browser.request('PUT', `${base}/${draft.id}/client-certificate`, {
      privateKeyPem: key,
      certificatePem: 'not a certificate',
    });
    expect(garbage.status).toBe(400);
    expect((await garbage.json()).error.details.fields[0].path).toBe('certificatePem');
    expect(
      (await (await browser.request('GET', `${base}/${draft.id}`)).json()).hasClientCertificate,
    ).toBe(false);
    const good = await browser.request('PUT', `${base}/${draft.id}/client-certificate`, {
      privateKeyPem: key,
      certificatePem: cert,
    });
    expect(good.status).toBe(200);
    expect((await good.json()).hasClientCertificate).toBe(true);
    const removed = await browser.request('DELETE', `${base}/${draft.id}/client-certificate`);
    expect((await removed.json()).hasClientCertificate).toBe(false);
    await app.close();
  });

  it('refuses a mapping to a Rally field that does not exist, saving nothing', async () => {
    const { app, browser, base } = await signedInOwner(handle());
    const draft = await draftWithAccount(browser, base, sim.url);
    await authorizeIntegration(browser, base, draft.id, rallyBrowser());
    const connected = await (await browser.request('GET', `${base}/${draft.id}`)).json();
    const scoped = await (
      await browser.request('PATCH', `${base}/${draft.id}`, {
        version: connected.version,
        settings: {
          remoteWorkspace: { id: String(SEED_IDS.workspace), name: 'Acme' },
          remoteProject: { id: String(SEED_IDS.projectAlpha), name: 'Team Alpha' },
        },
      })
    ).json();
    const broken = RALLY_MAPPINGS.map((m) =>
      m.roadmapKind === 'feature'
        ? {
            ...m,
            fields: [
              ...m.fields,
              {
                roadmapField: 'score' as const,
                remoteField: 'c_NoSuchField',
                direction: 'both' as const,
              },
            ],
          }
        : m,
    );
    const res = await browser.request('PATCH', `${base}/${draft.id}`, {
      version: scoped.version,
      settings: { recordMappings: broken },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.details.fields).toEqual([
      {
        path: 'settings.recordMappings.1.fields.2.remoteField',
        message:
          'The score field maps to "c_NoSuchField", which PortfolioItem/Feature does not have',
      },
    ]);
    const saved = await (await browser.request('GET', `${base}/${draft.id}`)).json();
    expect(saved.settings.recordMappings).toBeUndefined();
    expect(saved.version).toBe(scoped.version);
    // The pre-flight check says the same before anything is saved.
    const report = await (
      await browser.request('POST', `${base}/${draft.id}/preflight`, { recordMappings: broken })
    ).json();
    expect(report.issues).toContainEqual(
      expect.objectContaining({ code: 'field_missing', remoteField: 'c_NoSuchField' }),
    );
    // A mapping of one roadmap kind twice is inconsistent, whatever Rally has.
    const twice = await browser.request('PATCH', `${base}/${draft.id}`, {
      version: scoped.version,
      settings: { recordMappings: [RALLY_MAPPINGS[1], RALLY_MAPPINGS[1]] },
    });
    expect(twice.status).toBe(400);
    expect((await twice.json()).error.details.fields[0].path).toBe(
      'settings.recordMappings.1.roadmapKind',
    );
    await app.close();
  });

  it('says which system refused a discovery call, in its own words', async () => {
    const { app, browser, base } = await signedInOwner(handle());
    const draft = await draftWithAccount(browser, base, sim.url);
    await authorizeIntegration(browser, base, draft.id, rallyBrowser());
    sim.simulator.control.addFault({ method: 'GET', path: '/Workspaces', status: 404, times: 4 });
    const res = await browser.request('GET', `${base}/${draft.id}/remote/workspaces`);
    expect(res.status).toBe(502);
    expect((await res.json()).error.message).toMatch(/^Rally answered: /);
    await app.close();
  });

  it('keeps every wizard endpoint from contributors', async () => {
    const { app, browser, base } = await signedInOwner(handle());
    const draft = await draftWithAccount(browser, base, sim.url);
    const contributor = app.client();
    await contributor.login('contributor@tandem.demo');
    const id = `${base}/${draft.id}`;
    const { cert, key } = testClientCertificate();
    const calls: [string, string, unknown?][] = [
      ['GET', id],
      ['PATCH', id, { version: 1, name: 'Mine' }],
      ['POST', `${id}/oauth/start`],
      ['GET', `${id}/remote/workspaces`],
      ['GET', `${id}/remote/projects`],
      ['GET', `${id}/remote/record-types`],
      ['GET', `${id}/remote/fields?type=Release`],
      ['GET', `${id}/remote/states?type=Release`],
      ['GET', `${id}/mapping-defaults`],
      ['POST', `${id}/preflight`, {}],
      ['PUT', `${id}/client-certificate`, { privateKeyPem: key, certificatePem: cert }],
      ['DELETE', `${id}/client-certificate`],
      ['POST', `${id}/enable`],
      ['POST', `${id}/disable`],
      ['DELETE', id],
      ['GET', '/api/integration-templates'],
      ['POST', '/api/integration-templates', { name: 'Mine', system: 'rally' }],
      ['GET', '/api/integrations/report'],
    ];
    for (const [method, path, body] of calls) {
      const res = await contributor.request(method, path, body);
      expect(`${method} ${path} → ${res.status}`).toBe(`${method} ${path} → 403`);
    }
    expect((await browser.request('GET', id)).status).toBe(200);
    await app.close();
  });
});
