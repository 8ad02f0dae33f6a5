import { DEFAULT_ADMIN_API_KEY, SEED_IDS, testClientCertificate } from '@tandem/sim-rally';
import { describeEachDialect } from '@tandem/storage/testing';
import { afterEach, expect, it } from 'vitest';
import { RALLY_MAPPINGS } from '../sync/support.ts';
import { linkOf, sendFeature } from './feature-sends.ts';
import { rallySimulatorForSuite, signedInOwner } from './suite-setup.ts';
import type { Browser } from './support.ts';

/**
 * Templates hand their credentials and client certificate to every integration made from them;
 * with Rally demanding client certificates (mTLS), an integration without one fails clearly and
 * works once it has one.
 */
describeEachDialect('templates, client certificates and the report', (handle) => {
  const sim = rallySimulatorForSuite({ tls: true });
  const { ca, cert, key } = testClientCertificate();
  afterEach(() => {
    sim.simulator.control.setMtls(false);
  });

  async function configure(
    browser: Browser,
    base: string,
    id: string,
    project: { id: number; name: string },
    settings: Record<string, unknown> = {},
  ) {
    const current = await (await browser.request('GET', `${base}/${id}`)).json();
    const res = await browser.request('PATCH', `${base}/${id}`, {
      version: current.version,
      settings: {
        remoteWorkspace: { id: String(SEED_IDS.workspace), name: 'Acme Product Development' },
        remoteProject: { id: String(project.id), name: project.name },
        ...settings,
      },
    });
    expect(res.status).toBe(200);
    const enabled = await browser.request('POST', `${base}/${id}/enable`);
    expect(enabled.status).toBe(200);
  }

  it('passes a template’s credentials and certificate to a second integration; mTLS needs the certificate', {
    timeout: 30_000,
  }, async () => {
    const { app, browser, workspaces } = await signedInOwner(handle(), { ca });
    app.sync.worker.start();
    const app1 = workspaces.find((w) => w.key === 'APP')!;
    const plt = workspaces.find((w) => w.key === 'PLT')!;
    const base = `/api/workspaces/${app1.id}/integrations`;
    const pltBase = `/api/workspaces/${plt.id}/integrations`;

    // The first integration, connected with an API key over HTTPS.
    const first = await (
      await browser.request('POST', base, { system: 'rally', name: 'Rally – Alpha' })
    ).json();
    await browser.request('PATCH', `${base}/${first.id}`, {
      version: first.version,
      settings: { accountUrl: sim.url },
    });
    const keyed = await browser.request('PUT', `${base}/${first.id}/credentials/api-key`, {
      apiKey: DEFAULT_ADMIN_API_KEY,
    });
    expect(keyed.status).toBe(200);
    await configure(
      browser,
      base,
      first.id,
      { id: SEED_IDS.projectAlpha, name: 'Team Alpha' },
      { recordMappings: RALLY_MAPPINGS },
    );

    // A template made from it holds its account, mappings and credentials; the certificate is set once, on the template.
    const made = await browser.request('POST', '/api/integration-templates', {
      name: 'Acme Rally',
      system: 'rally',
      fromIntegrationId: first.id,
    });
    expect(made.status).toBe(201);
    const template = await made.json();
    expect(template).toMatchObject({
      hasCredentials: true,
      hasClientCertificate: false,
      usedBy: 0,
    });
    expect(template.settings.accountUrl).toBe(sim.url);
    expect(template.settings.remoteProject).toBeUndefined();
    expect(JSON.stringify(template)).not.toContain(DEFAULT_ADMIN_API_KEY);
    const withCertificate = await (
      await browser.request('PUT', `/api/integration-templates/${template.id}/client-certificate`, {
        privateKeyPem: key,
        certificatePem: cert,
      })
    ).json();
    expect(withCertificate.hasClientCertificate).toBe(true);

    // A second integration, in another workspace, from the template: once the template is
    // shared with that workspace (decision 021), connected without asking.
    const unshared = await browser.request('POST', pltBase, {
      system: 'rally',
      name: 'Rally – Beta',
      templateId: template.id,
    });
    expect(unshared.status).toBe(400);
    const shared = await browser.request(
      'PUT',
      `/api/integration-templates/${template.id}/shares/${plt.key}`,
    );
    expect(shared.status).toBe(200);
    const second = await (
      await browser.request('POST', pltBase, {
        system: 'rally',
        name: 'Rally – Beta',
        templateId: template.id,
      })
    ).json();
    expect(second).toMatchObject({
      templateId: template.id,
      hasClientCertificate: true,
      connection: { kind: 'api_key', connectedAs: 'Pat Planner' },
    });
    expect(second.settings.accountUrl).toBe(sim.url);

    // Rally now demands client certificates.
    sim.simulator.control.setMtls(true);
    const workspacesSeen = await browser.request(
      'GET',
      `${pltBase}/${second.id}/remote/workspaces`,
    );
    expect(workspacesSeen.status).toBe(200);
    await configure(browser, pltBase, second.id, { id: SEED_IDS.projectBeta, name: 'Team Beta' });
    const { id: viaTemplate, send: sentViaTemplate } = await sendFeature(
      browser,
      plt.id,
      second.id,
      'Sent with the template certificate',
    );

    // The first integration has no certificate: discovery and sending fail with a clear message.
    const refused = await browser.request('GET', `${base}/${first.id}/remote/workspaces`);
    expect(refused.status).toBe(502);
    expect((await refused.json()).error.message).toMatch(/client certificate/i);
    expect(sentViaTemplate.status).toBe(202);
    const { id: withoutCertificate, send: refusedSend } = await sendFeature(
      browser,
      app1.id,
      first.id,
      'Sent without a certificate',
    );
    await app.sync.worker.drained();
    expect(await linkOf(browser, plt.id, viaTemplate, second.id)).toMatchObject({
      state: 'linked',
      formattedId: expect.stringMatching(/^F\d+$/),
    });
    if (refusedSend.status === 502) {
      // The send's check of Rally's required fields already met the refusal: nothing was queued.
      expect((await refusedSend.json()).error.message).toMatch(/client certificate/i);
    } else {
      expect(refusedSend.status).toBe(202);
      const failed = await linkOf(browser, app1.id, withoutCertificate, first.id);
      expect(failed.state).toBe('failed');
      expect(failed.lastError).toMatch(/client certificate/i);
    }

    // Once its certificate is set, the same send goes through.
    const set = await browser.request('PUT', `${base}/${first.id}/client-certificate`, {
      privateKeyPem: key,
      certificatePem: cert,
    });
    expect(set.status).toBe(200);
    const retry = await browser.request('POST', `${base}/${first.id}/sends`, {
      featureIds: [withoutCertificate],
    });
    expect(retry.status).toBe(202);
    await app.sync.worker.drained();
    expect(await linkOf(browser, app1.id, withoutCertificate, first.id)).toMatchObject({
      state: 'linked',
    });

    // A change to the template reaches the integration made from it.
    const patched = await browser.request('PATCH', `/api/integration-templates/${template.id}`, {
      version: withCertificate.version,
      settings: { sendMode: 'approve' },
    });
    expect(patched.status).toBe(200);
    expect(
      (await (await browser.request('GET', `${pltBase}/${second.id}`)).json()).settings.sendMode,
    ).toBe('approve');
    expect(
      (await browser.request('DELETE', `/api/integration-templates/${template.id}`)).status,
    ).toBe(409);

    // The manage-integrations report lists both, by workspace, with their template and counts.
    const { rows } = await (await browser.request('GET', '/api/integrations/report')).json();
    const mine = rows.filter((r: { id: string }) => r.id === first.id || r.id === second.id);
    expect(mine).toEqual([
      expect.objectContaining({
        id: first.id,
        workspace: expect.objectContaining({ key: 'APP' }),
        system: 'rally',
        accountUrl: sim.url,
        remoteWorkspace: 'Acme Product Development',
        remoteProject: 'Team Alpha',
        template: null,
        state: 'enabled',
        linkedRecords: 2,
        errors: 0,
      }),
      expect.objectContaining({
        id: second.id,
        workspace: expect.objectContaining({ key: 'PLT' }),
        remoteProject: 'Team Beta',
        template: { id: template.id, name: 'Acme Rally' },
        linkedRecords: 2,
      }),
    ]);
    await app.close();
  });
});
