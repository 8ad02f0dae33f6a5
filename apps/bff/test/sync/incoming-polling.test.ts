import { SEED_IDS, SEEDED_USERS } from '@tandem/sim-rally';
import { describeEachDialect } from '@tandem/storage/testing';
import { createRemotePoller } from '@tandem/sync-engine/runner';
import { expect, it } from 'vitest';
import { incomingSuite, mappingsWithStatuses } from './incoming-support.ts';

/** Not a subscription administrator: Rally refuses to let this user register webhooks. */
const DEVELOPER_KEY = SEEDED_USERS.find((u) => !u.subscriptionAdmin && !u.apiKeyReadOnly)!.apiKey;
/** Someone else editing in Rally's UI. */
const PLANNER = 'pat.planner@acme.example';

/**
 * When Rally does not let the integration's user register webhooks, Tandem asks Rally what
 * changed instead, on a schedule and on request, and handles each change as a delivery.
 */
describeEachDialect('Rally changes found by polling', (handle) => {
  /** The BFF's clock runs this far ahead of the real one (a test lets minutes pass). */
  let aheadMs = 0;
  const now = () => new Date(Date.now() + aheadMs);
  const suite = incomingSuite(handle, { now });

  const actAsPlanner = (input: Record<string, unknown>) =>
    suite.sim.simulator.control.actAs({ user: PLANNER, ...input } as never);

  it('brings in edits and new stories on "Check for changes now", once, and not Tandem’s own creates', {
    timeout: 30_000,
  }, async () => {
    const ws = await suite.env.workspace();
    const integrationId = await ws.enableRally(mappingsWithStatuses(ws.statuses), {
      apiKey: DEVELOPER_KEY,
    });
    const integrationUrl = `${ws.base}/integrations/${integrationId}`;
    const before = await (await ws.browser.request('GET', integrationUrl)).json();
    expect(before.incoming).toEqual({ mode: 'polling', pollEverySeconds: 60, polledAt: null });
    expect((await ws.log(integrationId)).map((l) => l.message)).toContainEqual(
      expect.stringMatching(/did not let this user register webhooks .* every 60 seconds instead/),
    );

    const started = await ws.browser.request('POST', `${integrationUrl}/poll`);
    expect(started.status, await started.clone().text()).toBe(200);
    expect(await started.json()).toMatchObject({ outcome: 'started', changes: 0 });

    const feature = await ws.linkedFeature(integrationId, 'Offline sync');
    actAsPlanner({
      action: 'update',
      ref: `/portfolioitem/feature/${feature.remoteId}`,
      data: { Name: 'Offline sync for field teams', State: 'Developing' },
    });
    const story = actAsPlanner({
      action: 'create',
      type: 'HierarchicalRequirement',
      data: {
        Name: 'Retry on reconnect',
        Project: `/project/${SEED_IDS.projectAlpha}`,
        PortfolioItem: `/portfolioitem/feature/${feature.remoteId}`,
      },
    });

    // Made in Rally by the integration's own user (as a Tandem send whose answer is not stored
    // yet would be), then edited by someone else: never imported as a new record.
    const ownStory = suite.sim.simulator.control.actAs({
      user: SEEDED_USERS.find((u) => u.apiKey === DEVELOPER_KEY)!.username,
      action: 'create',
      type: 'HierarchicalRequirement',
      data: {
        Name: 'Sent by Tandem',
        Project: `/project/${SEED_IDS.projectAlpha}`,
        PortfolioItem: `/portfolioitem/feature/${feature.remoteId}`,
      },
    });
    actAsPlanner({
      action: 'update',
      ref: `/hierarchicalrequirement/${ownStory?.oid}`,
      data: { Description: '<p>edited</p>' },
    });
    const polledFrom = now().toISOString();
    const { version } = await (await ws.browser.request('GET', integrationUrl)).json();
    const polled = await ws.browser.request('POST', `${integrationUrl}/poll`);
    expect(polled.status).toBe(200);
    const result = await polled.json();
    expect(result.outcome).toBe('polled');
    // The planner's edit of the feature applies, their story imports, Tandem's own story does not.
    expect(result).toMatchObject({ changes: 3, outcomes: { applied: 1, imported: 1, own: 1 } });
    await suite.env.app.sync.worker.drained();

    const detail = await ws.feature(feature.id);
    expect(detail).toMatchObject({
      name: 'Offline sync for field teams',
      statusId: ws.statusId('feature', 'In development'),
    });
    expect(detail.requirements.map((r: { name: string }) => r.name)).toEqual([
      'Retry on reconnect',
    ]);
    expect((await ws.links('requirement', detail.requirements[0].id))[0]).toMatchObject({
      state: 'linked',
      formattedId: story?.values.FormattedID,
    });
    const messages = (await ws.log(integrationId)).map((l) => l.message);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^Found by polling: created PortfolioItem\/Feature .*; brought in name, status$/,
      ),
    );
    expect(messages).toContainEqual(expect.stringMatching(/^Polled the remote: 3 changes/));

    // Nothing new: the cursor moved on and nothing is handled twice.
    const again = await (await ws.browser.request('POST', `${integrationUrl}/poll`)).json();
    expect(again).toMatchObject({ outcome: 'polled', changes: 0 });
    expect((await ws.feature(feature.id)).requirements).toHaveLength(1);

    // Polling is not an edit: the integration keeps its version, and shows when it last asked.
    const after = await (await ws.browser.request('GET', integrationUrl)).json();
    expect(after.version).toBe(version);
    expect(after.incoming.polledAt >= polledFrom).toBe(true);

    // A disabled integration is not asked, and says why.
    await ws.browser.request('POST', `${integrationUrl}/disable`);
    const refused = await ws.browser.request('POST', `${integrationUrl}/poll`);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toBe(
      `${after.name} is disabled; enable it to check for changes`,
    );
  });

  it('with webhooks, the safety-net poll finds the delivered change already synced and reads nothing', {
    timeout: 30_000,
  }, async () => {
    const ws = await suite.env.workspace();
    const integrationId = await ws.enableRally(mappingsWithStatuses(ws.statuses));
    const integrationUrl = `${ws.base}/integrations/${integrationId}`;
    expect((await (await ws.browser.request('GET', integrationUrl)).json()).incoming).toMatchObject(
      { mode: 'webhooks', pollEverySeconds: 900 },
    );
    await ws.browser.request('POST', `${integrationUrl}/poll`);
    const feature = await ws.linkedFeature(integrationId, 'Audit export');
    // Dana edits (Tandem acts as Pat here): the webhook brings the change in.
    suite.env.editInRally(`/portfolioitem/feature/${feature.remoteId}`, {
      Name: 'Audit export, signed',
    });
    await suite.env.settle();
    expect((await ws.feature(feature.id)).name).toBe('Audit export, signed');
    const reads = async () =>
      (await ws.log(integrationId)).filter((l) =>
        l.message.startsWith(
          `readRecord GET ${suite.sim.url}/slm/webservice/v2.0/portfolioitem/feature/${feature.remoteId}`,
        ),
      ).length;
    await new Promise((r) => setTimeout(r, 150)); // HTTP log lines are written in batches
    const readsBefore = await reads();
    expect(readsBefore).toBeGreaterThan(0);

    const result = await (await ws.browser.request('POST', `${integrationUrl}/poll`)).json();
    expect(result.outcomes).toMatchObject({ unchanged: 1 });
    await new Promise((r) => setTimeout(r, 150));
    expect(await reads()).toBe(readsBefore);
  });

  it('polls on its own once due, and says once when the remote cannot be asked', {
    timeout: 30_000,
  }, async () => {
    const ws = await suite.env.workspace();
    const integrationId = await ws.enableRally(mappingsWithStatuses(ws.statuses), {
      apiKey: DEVELOPER_KEY,
    });
    const feature = await ws.linkedFeature(integrationId, 'Bulk export');
    const poller = createRemotePoller(suite.env.app.deps, { tickMs: 20 });
    const polledAt = async () =>
      (await (await ws.browser.request('GET', `${ws.base}/integrations/${integrationId}`)).json())
        .incoming.polledAt as string | null;
    const until = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 750 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
      expect(await check()).toBe(true);
    };
    poller.start();
    try {
      await until(async () => (await polledAt()) !== null);
      actAsPlanner({
        action: 'update',
        ref: `/portfolioitem/feature/${feature.remoteId}`,
        data: { Name: 'Bulk export to CSV' },
      });
      // Not due yet: a minute has not passed.
      await new Promise((r) => setTimeout(r, 200));
      expect((await ws.feature(feature.id)).name).toBe('Bulk export');
      const started = await polledAt();
      aheadMs += 61_000;
      await until(async () => (await ws.feature(feature.id)).name === 'Bulk export to CSV');
      // That poll has finished (its cursor and time are stored last).
      await until(async () => (await polledAt()) !== started);
      const lastGoodPoll = await polledAt();

      // Rally unreachable: one warning, however many polls fail with it.
      suite.sim.simulator.control.addFault({
        method: 'GET',
        path: '^/slm/webservice/v2.0/(portfolioitem|hierarchicalrequirement|recyclebinentry)',
        status: 503,
      });
      aheadMs += 61_000;
      await until(async () =>
        (await ws.log(integrationId)).some((l) => l.message.startsWith('Could not ask the remote')),
      );
      aheadMs += 61_000;
      await new Promise((r) => setTimeout(r, 300));
      const warnings = (await ws.log(integrationId)).filter((l) =>
        l.message.startsWith('Could not ask the remote'),
      );
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ level: 'warn', event: 'poll' });
      // Failed polls do not count as checks.
      expect(await polledAt()).not.toBe(started);
      expect(await polledAt()).toBe(lastGoodPoll);
    } finally {
      suite.sim.simulator.control.clearFaults();
      await poller.stop();
    }
  });
});
