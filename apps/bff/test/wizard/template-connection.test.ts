import { integrationSchema } from '@tandem/contracts';
import { DEFAULT_ADMIN_API_KEY, SEED_IDS } from '@tandem/sim-rally';
import { describeEachDialect } from '@tandem/storage/testing';
import { beforeEach, expect, it } from 'vitest';
import { RALLY_MAPPINGS } from '../sync/support.ts';
import { linkOf, sendFeature } from './feature-sends.ts';
import { rallySimulatorForSuite, signedInOwner } from './suite-setup.ts';
import {
  authorizeIntegration,
  authorizeTemplate,
  type Browser,
  draftWithAccount,
  rallyBrowser,
  readTemplate,
  templateWithAccount,
} from './support.ts';

const DAY = 86_400_000;

/** What a template authorized on its own gives the integrations made from it, and how long. */
describeEachDialect('a template’s own connection at work', (handle) => {
  const sim = rallySimulatorForSuite();
  beforeEach(() => {
    sim.simulator.control.reset();
    sim.simulator.control.setTokenSettings({
      accessTokenSeconds: 86_400,
      refreshTokenSeconds: 30 * 86_400,
      reportRefreshTokenExpiry: false,
    });
  });

  const readIntegration = async (browser: Browser, base: string, id: string) =>
    integrationSchema.parse(await (await browser.request('GET', `${base}/${id}`)).json());

  /** An integration from the template, scoped to Team Alpha, mapped and enabled. */
  async function enabledFrom(browser: Browser, base: string, templateId: string) {
    const created = await (
      await browser.request('POST', base, { system: 'rally', name: 'From template', templateId })
    ).json();
    const scoped = await browser.request('PATCH', `${base}/${created.id}`, {
      version: created.version,
      settings: {
        remoteWorkspace: { id: String(SEED_IDS.workspace), name: 'Acme Product Development' },
        remoteProject: { id: String(SEED_IDS.projectAlpha), name: 'Team Alpha' },
        recordMappings: RALLY_MAPPINGS,
      },
    });
    expect(scoped.status).toBe(200);
    const enabled = await browser.request('POST', `${base}/${created.id}/enable`);
    expect(enabled.status).toBe(200);
    return created.id as string;
  }

  it('an integration made from the authorized template connects with it and sends a feature', {
    timeout: 30_000,
  }, async () => {
    const { app, browser, workspace, base } = await signedInOwner(handle());
    const template = await templateWithAccount(browser, sim.url);
    await authorizeTemplate(browser, template.id, workspace.id, rallyBrowser());
    const id = await enabledFrom(browser, base, template.id);
    const integration = await readIntegration(browser, base, id);
    expect(integration.connection).toMatchObject({
      kind: 'oauth2',
      connectedAs: 'Pat Planner',
      fromTemplate: true,
    });
    expect(integration.settings.accountUrl).toBe(sim.url);

    app.sync.worker.start();
    const feature = await sendFeature(
      browser,
      workspace.id,
      id,
      'Sent with the template’s own grant',
    );
    expect(feature.send.status).toBe(202);
    await app.sync.worker.drained();
    const link = await linkOf(browser, workspace.id, feature.id, id);
    expect(link).toMatchObject({ state: 'linked', formattedId: expect.stringMatching(/^F\d+$/) });
    // Rally holds it.
    const formattedId = link.formattedId as string;
    const query = new URLSearchParams({ query: `(FormattedID = ${formattedId})`, fetch: 'Name' });
    const res = await fetch(`${sim.url}/slm/webservice/v2.0/portfolioitem/feature?${query}`, {
      headers: { zsessionid: DEFAULT_ADMIN_API_KEY },
    });
    const found = (await res.json()) as { QueryResult: { Results: { Name: string }[] } };
    expect(found.QueryResult.Results.map((r) => r.Name)).toEqual([
      'Sent with the template’s own grant',
    ]);
    await app.close();
  });

  it('reports the grant’s expiry only when Rally says it, for templates and the wizard alike', async () => {
    let clock = Date.now();
    const { app, browser, workspace, base } = await signedInOwner(handle(), {
      now: () => new Date(clock),
    });
    const template = await templateWithAccount(browser, sim.url);
    const draft = await draftWithAccount(browser, base, sim.url);
    const rally = rallyBrowser();

    // Rally says nothing about the refresh token: the grant's end is unknown, not the token's.
    await authorizeTemplate(browser, template.id, workspace.id, rally);
    await authorizeIntegration(browser, base, draft.id, rally);
    for (const connection of [
      (await readTemplate(browser, template.id)).connection,
      (await readIntegration(browser, base, draft.id)).connection,
    ]) {
      expect(connection?.expiresAt).toBeNull();
      expect(Date.parse(connection?.accessTokenExpiresAt ?? '') - clock).toBeGreaterThan(DAY / 2);
      expect(connection?.needsReauthorization).toBe(false);
    }

    // A server that states it: the grant lasts as long as its refresh token (two hours here).
    sim.simulator.control.setTokenSettings({
      accessTokenSeconds: 3600,
      refreshTokenSeconds: 7200,
      reportRefreshTokenExpiry: true,
    });
    await authorizeTemplate(browser, template.id, workspace.id, rally);
    await authorizeIntegration(browser, base, draft.id, rally);
    for (const connection of [
      (await readTemplate(browser, template.id)).connection,
      (await readIntegration(browser, base, draft.id)).connection,
    ]) {
      const left = Date.parse(connection?.expiresAt ?? '') - clock;
      expect(left).toBeGreaterThan(7100_000);
      expect(left).toBeLessThanOrEqual(7200_000);
      expect(Date.parse(connection?.accessTokenExpiresAt ?? '') - clock).toBeLessThanOrEqual(
        3600_000,
      );
    }

    // Past that date the template asks to be authorized again.
    clock += 3 * 3600_000;
    expect((await readTemplate(browser, template.id)).connection?.needsReauthorization).toBe(true);
    await app.close();
  });

  it('an integration refused with the template’s grant waits for the template; re-authorizing it resumes', {
    timeout: 30_000,
  }, async () => {
    let clock = Date.now();
    const { app, browser, workspace, base } = await signedInOwner(handle(), {
      now: () => new Date(clock),
      // A day passes on the clock; the session must not idle out meanwhile.
      env: { SESSION_IDLE_MINUTES: String(7 * 24 * 60) },
    });
    const template = await templateWithAccount(browser, sim.url);
    await authorizeTemplate(browser, template.id, workspace.id, rallyBrowser());
    const id = await enabledFrom(browser, base, template.id);

    // Rally revokes everything; a day later the refresh is refused.
    sim.simulator.control.expireTokens('all');
    clock += DAY + 60_000;
    const refused = await browser.request('GET', `${base}/${id}/remote/workspaces`);
    expect(refused.status).toBe(409);
    expect((await readIntegration(browser, base, id)).state).toBe('needs_reauthorization');
    expect((await readTemplate(browser, template.id)).connection?.needsReauthorization).toBe(true);

    const again = await authorizeTemplate(browser, template.id, workspace.id, rallyBrowser());
    expect(again.location).toMatch(/\?connected=1$/);
    expect((await readTemplate(browser, template.id)).connection?.needsReauthorization).toBe(false);
    const resumed = await readIntegration(browser, base, id);
    expect(resumed.state).toBe('enabled');
    expect(resumed.lastError).toBeNull();
    const works = await browser.request('GET', `${base}/${id}/remote/workspaces`);
    expect(works.status).toBe(200);
    const log = await (await browser.request('GET', `${base}/${id}/log?level=info`)).json();
    expect(JSON.stringify(log)).toMatch(/was connected to Rally as Pat Planner/);
    await app.close();
  });
});
