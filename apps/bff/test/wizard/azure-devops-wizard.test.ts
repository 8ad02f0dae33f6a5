import {
  DEFAULT_FULL_PAT,
  DEFAULT_USERS,
  EXPIRED_PAT,
  REVOKED_PAT,
  type RunningAzureDevOpsSimulator,
  SEED_IDS,
  startAzureDevOpsSimulator,
} from '@tandem/simulator-azure-devops';
import { describeEachDialect } from '@tandem/storage/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signedInOwner } from './suite-setup.ts';

const READ_ONLY_PAT = DEFAULT_USERS.find((u) => u.note.includes('writes are refused'))!.token;

type Browser = Awaited<ReturnType<typeof signedInOwner>>['browser'];

/** The subscriptions Azure DevOps holds that deliver to this BFF. */
async function subscriptionsTo(sim: RunningAzureDevOpsSimulator, publicUrl: string) {
  const res = await fetch(`${sim.orgUrl}/_apis/hooks/subscriptions?api-version=7.1`, {
    headers: { authorization: `Basic ${Buffer.from(`:${DEFAULT_FULL_PAT}`).toString('base64')}` },
  });
  const { value } = (await res.json()) as {
    value: {
      eventType: string;
      consumerInputs: { url: string };
      publisherInputs: Record<string, string>;
    }[];
  };
  return value.filter((s) => s.consumerInputs.url.startsWith(publicUrl));
}

async function draft(browser: Browser, base: string, accountUrl: string) {
  const created = await (
    await browser.request('POST', base, { system: 'azure_devops', name: 'Azure DevOps' })
  ).json();
  const res = await browser.request('PATCH', `${base}/${created.id}`, {
    version: created.version,
    wizardStep: 'authorize',
    settings: { accountUrl },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { id: string; version: number; settings: Record<string, unknown> };
}

const connect = (browser: Browser, base: string, id: string, apiKey: string) =>
  browser.request('PUT', `${base}/${id}/credentials/api-key`, { apiKey });

/** Each bad input is a clear 400 and leaves nothing behind; then the whole wizard, to Enable. */
describeEachDialect('Azure DevOps wizard API', (handle) => {
  let sim: RunningAzureDevOpsSimulator;
  beforeAll(async () => {
    sim = await startAzureDevOpsSimulator({ port: 0 });
  });
  afterAll(() => sim.close());

  it('keeps the organisation in the account URL and names an unknown one at Test connection', async () => {
    const { app, browser, base } = await signedInOwner(handle());
    const ok = await draft(browser, base, `${sim.orgUrl}/Roadmap%20Demo/_workitems`);
    expect(ok.settings.accountUrl).toBe(sim.orgUrl);
    const unknown = await draft(browser, base, `${sim.url}/no-such-org`);
    const res = await connect(browser, base, unknown.id, DEFAULT_FULL_PAT);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/no-such-org.*does not exist/);
    const after = await (await browser.request('GET', `${base}/${unknown.id}`)).json();
    expect(after.connection).toBeNull();
    await app.close();
  });

  it.each([
    ['wrong', 'not-a-token-at-all'],
    ['expired', EXPIRED_PAT],
    ['revoked', REVOKED_PAT],
  ])('refuses a %s token and stores nothing', async (_what, token) => {
    const { app, browser, base } = await signedInOwner(handle());
    const d = await draft(browser, base, sim.orgUrl);
    const res = await connect(browser, base, d.id, token);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(
      /refused this token: it is wrong, expired or revoked/,
    );
    expect((await (await browser.request('GET', `${base}/${d.id}`)).json()).connection).toBeNull();
    await app.close();
  });

  it('names the missing work-item write scope of a read-only token before going on', async () => {
    const { app, browser, base } = await signedInOwner(handle());
    const d = await draft(browser, base, sim.orgUrl);
    const res = await connect(browser, base, d.id, READ_ONLY_PAT);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(
      /lacks the scope Work items \(read and write\)/,
    );
    expect((await (await browser.request('GET', `${base}/${d.id}`)).json()).connection).toBeNull();
    await app.close();
  });

  it('walks project → area → work item types → states → enable; refuses an area of another project', async () => {
    const { app, browser, base } = await signedInOwner(handle(), { listen: true });
    const d = await draft(browser, base, sim.orgUrl);
    expect((await connect(browser, base, d.id, DEFAULT_FULL_PAT)).status).toBe(200);
    let current = await (await browser.request('GET', `${base}/${d.id}`)).json();
    expect(current.connection.connectedAs).toBe('Morgan Planner');

    const { workspaces } = await (
      await browser.request('GET', `${base}/${d.id}/remote/workspaces`)
    ).json();
    expect(workspaces.map((w: { name: string }) => w.name)).toEqual([
      'Compliance',
      'Operations',
      'Platform',
      'Roadmap Demo',
    ]);
    current = await (
      await browser.request('PATCH', `${base}/${d.id}`, {
        version: current.version,
        wizardStep: 'project',
        settings: { remoteWorkspace: { id: SEED_IDS.projects.roadmap, name: 'Roadmap Demo' } },
      })
    ).json();
    const { projects } = await (
      await browser.request('GET', `${base}/${d.id}/remote/projects`)
    ).json();
    expect(projects[0]).toMatchObject({ id: 'Roadmap Demo', parentId: null });
    expect(projects[0].children.map((c: { id: string }) => c.id)).toContain('Roadmap Demo\\Web');

    const elsewhere = await browser.request('PATCH', `${base}/${d.id}`, {
      version: current.version,
      settings: { remoteProject: { id: 'Platform\\API', name: 'API' } },
    });
    expect(elsewhere.status).toBe(400);
    expect((await elsewhere.json()).error.message).toMatch(/API is not in Roadmap Demo/);

    current = await (
      await browser.request('PATCH', `${base}/${d.id}`, {
        version: current.version,
        wizardStep: 'mappings',
        settings: { remoteProject: { id: 'Roadmap Demo\\Web', name: 'Web' } },
      })
    ).json();
    expect(current.settings.remoteProject.id).toBe('Roadmap Demo\\Web');

    const { recordMappings } = await (
      await browser.request('GET', `${base}/${d.id}/mapping-defaults`)
    ).json();
    expect(
      recordMappings.map(
        (m: { roadmapKind: string; remoteType: string }) => `${m.roadmapKind}→${m.remoteType}`,
      ),
    ).toEqual(['initiative→Epic', 'feature→Feature', 'requirement→User Story']);
    const feature = recordMappings.find(
      (m: { roadmapKind: string }) => m.roadmapKind === 'feature',
    );
    expect(feature.status.remoteField).toBe('System.State');
    const report = await (
      await browser.request('POST', `${base}/${d.id}/preflight`, { recordMappings })
    ).json();
    expect(report.issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([]);

    current = await (
      await browser.request('PATCH', `${base}/${d.id}`, {
        version: current.version,
        wizardStep: 'enable',
        settings: { recordMappings, sendMode: 'auto', importNewRecords: true },
      })
    ).json();
    const enabled = await browser.request('POST', `${base}/${d.id}/enable`);
    expect(enabled.status).toBe(200);
    const subscriptions = await subscriptionsTo(sim, app.publicUrl);
    expect(subscriptions.map((s) => s.eventType).sort()).toEqual([
      'workitem.created',
      'workitem.deleted',
      'workitem.updated',
    ]);
    expect(subscriptions[0]?.publisherInputs.areaPath).toBe('Roadmap Demo\\Web');
    await browser.request('POST', `${base}/${d.id}/disable`);
    expect(await subscriptionsTo(sim, app.publicUrl)).toEqual([]);
    await app.close();
  });

  it('catches the Compliance process’s required field that no mapping fills', async () => {
    const { app, browser, base } = await signedInOwner(handle());
    const d = await draft(browser, base, sim.orgUrl);
    await connect(browser, base, d.id, DEFAULT_FULL_PAT);
    let current = await (await browser.request('GET', `${base}/${d.id}`)).json();
    current = await (
      await browser.request('PATCH', `${base}/${d.id}`, {
        version: current.version,
        settings: {
          remoteWorkspace: { id: SEED_IDS.projects.compliance, name: 'Compliance' },
          remoteProject: { id: 'Compliance\\Audits', name: 'Audits' },
        },
      })
    ).json();
    const { recordMappings } = await (
      await browser.request('GET', `${base}/${d.id}/mapping-defaults`)
    ).json();
    const report = await (
      await browser.request('POST', `${base}/${d.id}/preflight`, { recordMappings })
    ).json();
    expect(report.ok).toBe(false);
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        code: 'required_unmapped',
        remoteType: 'Feature',
        remoteField: 'Custom.RiskLevel',
      }),
    );
    await app.close();
  });
});
