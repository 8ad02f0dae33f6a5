import {
  integrationSchema,
  mappingDefaultsSchema,
  preflightReportSchema,
  remoteFieldListSchema,
  remoteProjectTreeSchema,
  remoteRecordTypeListSchema,
  remoteStateListSchema,
  remoteWorkspaceListSchema,
} from '@tandem/contracts';
import { SEED_IDS } from '@tandem/sim-rally';
import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { linkOf, sendFeature } from './feature-sends.ts';
import { rallySimulatorForSuite, rallyWebhooksOf, signedInOwner } from './suite-setup.ts';
import { authorizeIntegration, draftWithAccount, rallyBrowser } from './support.ts';

/** The whole API path of the Rally wizard, against the simulator, as the SPA drives it. */
describeEachDialect('Rally wizard API', (handle) => {
  const sim = rallySimulatorForSuite();

  it('goes from nothing to an enabled integration through OAuth, and Send to Rally works', {
    timeout: 30_000,
  }, async () => {
    const { app, browser, workspace, base } = await signedInOwner(handle());

    // 1–2. Name, then the account URL (a pasted API address is cut back to the account).
    const draft = await draftWithAccount(
      browser,
      base,
      `${sim.url}/slm/webservice/v2.0/`,
      'Rally – Mobile',
    );
    expect(draft.settings.accountUrl).toBe(sim.url);

    // 3. Authorize: Rally's login page, then its consent page, over plain HTTP.
    const rally = rallyBrowser();
    const first = await authorizeIntegration(browser, base, draft.id, rally);
    expect(first.prompts).toEqual(['login', 'consent']);
    expect(first.authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(first.authorizationUrl.searchParams.get('redirect_uri')).toBe(
      `${app.publicUrl}/api/oauth/rally/callback`,
    );
    expect(first.answer.status).toBe(302);
    expect(first.location).toBe(
      `/w/${workspace.key}/settings/integrations/${draft.id}/wizard/authorize?connected=1`,
    );
    const connected = integrationSchema.parse(
      await (await browser.request('GET', `${base}/${draft.id}`)).json(),
    );
    expect(connected.connection).toMatchObject({ kind: 'oauth2', connectedAs: 'Pat Planner' });
    // Rally does not say when the grant ends: unknown, and never the access token's expiry.
    expect(connected.connection?.expiresAt).toBeNull();
    expect(Date.parse(connected.connection?.accessTokenExpiresAt ?? '')).toBeGreaterThan(
      Date.now(),
    );

    // With Rally's browser session, a second authorization asks nothing.
    const again = await authorizeIntegration(browser, base, draft.id, rally);
    expect(again.prompts).toEqual([]);
    expect(again.location).toMatch(/\?connected=1$/);

    // 4. Workspaces the Rally user can see.
    const { workspaces } = remoteWorkspaceListSchema.parse(
      await (await browser.request('GET', `${base}/${draft.id}/remote/workspaces`)).json(),
    );
    expect(workspaces).toContainEqual({
      id: String(SEED_IDS.workspace),
      name: 'Acme Product Development',
    });
    // The second authorization stored a fresh grant; the wizard saves on the version it reads.
    const fresh = await (await browser.request('GET', `${base}/${draft.id}`)).json();
    let current = await (
      await browser.request('PATCH', `${base}/${draft.id}`, {
        version: fresh.version,
        wizardStep: 'project',
        settings: {
          remoteWorkspace: { id: String(SEED_IDS.workspace), name: 'Acme Product Development' },
        },
      })
    ).json();
    expect(current.settings.remoteWorkspace.id).toBe(String(SEED_IDS.workspace));

    // 5. The project tree of that workspace.
    const { projects } = remoteProjectTreeSchema.parse(
      await (await browser.request('GET', `${base}/${draft.id}/remote/projects`)).json(),
    ) as { projects: any[] };
    expect(projects).toHaveLength(1);
    expect(projects[0]).toMatchObject({ name: 'Acme Portfolio', parentId: null });
    const alpha = projects[0].children.find((p: { name: string }) => p.name === 'Team Alpha');
    expect(alpha.children.map((p: { name: string }) => p.name)).toEqual(['Alpha Mobile']);
    current = await (
      await browser.request('PATCH', `${base}/${draft.id}`, {
        version: current.version,
        wizardStep: 'mappings',
        settings: {
          remoteProject: { id: alpha.id, name: 'Team Alpha' },
          excludeChildUpdates: false,
        },
      })
    ).json();
    expect(current.settings.remoteProject).toEqual({
      id: String(SEED_IDS.projectAlpha),
      name: 'Team Alpha',
    });

    // 6. Defaults: feature → Feature, requirement → user story, …; statuses matched by name.
    const { recordMappings } = mappingDefaultsSchema.parse(
      await (await browser.request('GET', `${base}/${draft.id}/mapping-defaults`)).json(),
    ) as { recordMappings: any[] };
    expect(
      recordMappings.map(
        (m: { roadmapKind: string; remoteType: string }) => `${m.roadmapKind}→${m.remoteType}`,
      ),
    ).toEqual([
      'release→Release',
      'initiative→PortfolioItem/Initiative',
      'feature→PortfolioItem/Feature',
      'requirement→HierarchicalRequirement',
    ]);
    const requirement = recordMappings.find(
      (m: { roadmapKind: string }) => m.roadmapKind === 'requirement',
    );
    expect(requirement.status.remoteField).toBe('ScheduleState');
    expect(
      requirement.status.groups.flatMap((g: { remoteStates: string[] }) => g.remoteStates),
    ).toContain('In-Progress');
    const { types } = remoteRecordTypeListSchema.parse(
      await (await browser.request('GET', `${base}/${draft.id}/remote/record-types`)).json(),
    );
    expect(types.map((t: { id: string }) => t.id)).toContain('PortfolioItem/Feature');
    const { fields } = remoteFieldListSchema.parse(
      await (await browser.request('GET', `${base}/${draft.id}/remote/fields?type=Release`)).json(),
    );
    expect(fields.find((f: { name: string }) => f.name === 'ReleaseStartDate')).toMatchObject({
      required: true,
    });
    const { states } = remoteStateListSchema.parse(
      await (
        await browser.request('GET', `${base}/${draft.id}/remote/states?type=PortfolioItem/Feature`)
      ).json(),
    );
    expect(states.map((s: { name: string }) => s.name)).toEqual([
      'Discovering',
      'Developing',
      'Measuring',
      'Done',
    ]);

    // The pre-flight check catches a required Rally field that nothing fills.
    const withoutStart = recordMappings.map(
      (m: { roadmapKind: string; fields: { remoteField: string }[] }) =>
        m.roadmapKind === 'release'
          ? { ...m, fields: m.fields.filter((f) => f.remoteField !== 'ReleaseStartDate') }
          : m,
    );
    const failing = preflightReportSchema.parse(
      await (
        await browser.request('POST', `${base}/${draft.id}/preflight`, {
          recordMappings: withoutStart,
        })
      ).json(),
    );
    expect(failing.ok).toBe(false);
    expect(failing.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'required_unmapped',
        roadmapKind: 'release',
        remoteType: 'Release',
        remoteField: 'ReleaseStartDate',
      }),
    );
    const passing = await (
      await browser.request('POST', `${base}/${draft.id}/preflight`, { recordMappings })
    ).json();
    expect(passing.issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([]);
    expect(passing.ok).toBe(true);

    // 7–8. Mappings saved, then Enable registers Rally webhooks for Team Alpha and its child.
    current = await (
      await browser.request('PATCH', `${base}/${draft.id}`, {
        version: current.version,
        wizardStep: 'enable',
        settings: { recordMappings, sendMode: 'auto', importNewRecords: true },
      })
    ).json();
    const enabled = await browser.request('POST', `${base}/${draft.id}/enable`);
    expect(enabled.status).toBe(200);
    expect((await enabled.json()).state).toBe('enabled');
    const hooks = await rallyWebhooksOf(sim, draft.id);
    expect(hooks).toHaveLength(2);
    for (const hook of hooks)
      expect(hook.TargetUrl.startsWith(`${app.publicUrl}/api/webhooks/`)).toBe(true);

    // Moving the enabled integration to the whole portfolio re-registers its webhooks there.
    const mine = () => rallyWebhooksOf(sim, draft.id);
    const moved = async (project: { id: string; name: string }) => {
      const now = await (await browser.request('GET', `${base}/${draft.id}`)).json();
      const res = await browser.request('PATCH', `${base}/${draft.id}`, {
        version: now.version,
        settings: { remoteProject: project },
      });
      expect(res.status).toBe(200);
    };
    await moved({ id: String(SEED_IDS.projectRoot), name: 'Acme Portfolio' });
    expect(await mine()).toHaveLength(5);
    await moved({ id: String(SEED_IDS.projectAlpha), name: 'Team Alpha' });
    expect(await mine()).toHaveLength(2);

    // Send to Rally.
    app.sync.worker.start();
    const feature = await sendFeature(browser, workspace.id, draft.id, 'Sent after the wizard');
    expect(feature.send.status).toBe(202);
    await app.sync.worker.drained();
    expect(await linkOf(browser, workspace.id, feature.id, draft.id)).toMatchObject({
      state: 'linked',
      formattedId: expect.stringMatching(/^F\d+$/),
    });
    const after = await (await browser.request('GET', `${base}/${draft.id}`)).json();
    expect(after.accountLocked).toBe(true);

    // Disabling removes the webhooks from Rally.
    await browser.request('POST', `${base}/${draft.id}/disable`);
    expect(await mine()).toEqual([]);
    await app.close();
  });
});
