import { lastEventSeq } from '@tandem/roadmap';
import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { incomingSuite, mappingsWithStatuses } from './incoming-support.ts';

/**
 * Changes made in Rally reach the linked roadmap records: through the mappings, once, without
 * being sent back; both sides changing one field is a conflict someone resolves.
 */
describeEachDialect('Rally changes brought into the roadmap', (handle) => {
  const suite = incomingSuite(handle);

  it('takes a Rally user’s state, name and description into the feature, once, and sends nothing back', {
    timeout: 30_000,
  }, async () => {
    const ws = await suite.env.workspace();
    const integrationId = await ws.enableRally(mappingsWithStatuses(ws.statuses));
    const feature = await ws.linkedFeature(integrationId, 'Offline sync');
    const ref = `/portfolioitem/feature/${feature.remoteId}`;
    const seq = await lastEventSeq(handle().db);

    const edited = suite.env.editInRally(ref, {
      State: 'Developing',
      Name: 'Offline sync for field teams',
      Description: '<p>From <strong>Rally</strong></p>',
    });
    await suite.env.settle();

    const now = await ws.feature(feature.id);
    expect(now).toMatchObject({
      name: 'Offline sync for field teams',
      descriptionHtml: '<p>From <strong>Rally</strong></p>',
      statusId: ws.statusId('feature', 'In development'),
    });
    const events = await ws.eventsOf(feature.id, seq);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'update', origin: `integration:${integrationId}` });
    expect(Object.keys(events[0]!.changes).sort()).toEqual(['descriptionHtml', 'name', 'statusId']);
    // No echo: Rally's record is as the developer left it, and Tandem sent it no update.
    const inRally = (
      await suite.env.rally(`portfolioitem/feature/${feature.remoteId}?fetch=VersionId`)
    ).Feature;
    expect(String(inRally.VersionId)).toBe(String(edited?.values.VersionId));
    const log = await ws.log(integrationId, feature.id);
    expect(
      log.filter((l) => l.createdAt >= events[0]!.createdAt).map((l) => l.message),
    ).not.toContainEqual(expect.stringMatching(/^updateRecord /));
    expect(log.map((l) => l.message)).toContainEqual(
      expect.stringMatching(/^Received webhook: updated .*; brought in name, description, status$/),
    );
    expect((await ws.links('feature', feature.id))[0]).toMatchObject({ state: 'linked' });

    // Measuring is also In development: the status stays, nothing is written.
    const before = await lastEventSeq(handle().db);
    suite.env.editInRally(ref, { State: 'Measuring' });
    await suite.env.settle();
    expect(await ws.eventsOf(feature.id, before)).toEqual([]);
    // Done → Shipped, and a later rename: the snapshot moved on, so each is one plain change.
    suite.env.editInRally(ref, { State: 'Done' });
    await suite.env.settle();
    suite.env.editInRally(ref, { Name: 'Offline sync, shipped' });
    await suite.env.settle();
    expect(await ws.feature(feature.id)).toMatchObject({
      name: 'Offline sync, shipped',
      statusId: ws.statusId('feature', 'Shipped'),
    });
    expect((await ws.links('feature', feature.id))[0]).toMatchObject({ state: 'linked' });
  });

  it('takes a Rally edit after Tandem re-sent the same field (the sent value is the new base)', {
    timeout: 30_000,
  }, async () => {
    const ws = await suite.env.workspace();
    const integrationId = await ws.enableRally(mappingsWithStatuses(ws.statuses));
    const feature = await ws.linkedFeature(integrationId, 'Widgets');
    const { version } = await ws.feature(feature.id);
    await ws.browser.request('PATCH', `${ws.base}/features/${feature.id}`, {
      version,
      name: 'Widgets, renamed in Tandem',
    });
    const resent = await ws.browser.request(
      'POST',
      `${ws.base}/integrations/${integrationId}/sends`,
      {
        featureIds: [feature.id],
      },
    );
    expect(resent.status).toBe(202);
    await suite.env.settle();
    suite.env.editInRally(`/portfolioitem/feature/${feature.remoteId}`, {
      Name: 'Widgets, renamed in Rally',
    });
    await suite.env.settle();
    expect((await ws.feature(feature.id)).name).toBe('Widgets, renamed in Rally');
    expect((await ws.links('feature', feature.id))[0]).toMatchObject({ state: 'linked' });
  });

  it('never brings in a field mapped to Rally only', { timeout: 30_000 }, async () => {
    const ws = await suite.env.workspace();
    const integrationId = await ws.enableRally(
      mappingsWithStatuses(ws.statuses, (m) =>
        m.roadmapKind === 'feature'
          ? {
              ...m,
              fields: m.fields.map((f) =>
                f.roadmapField === 'name' ? { ...f, direction: 'to_remote' as const } : f,
              ),
            }
          : m,
      ),
    );
    const feature = await ws.linkedFeature(integrationId, 'Named in Tandem');
    const seq = await lastEventSeq(handle().db);
    suite.env.editInRally(`/portfolioitem/feature/${feature.remoteId}`, {
      Name: 'Renamed in Rally',
    });
    await suite.env.settle();
    expect((await ws.feature(feature.id)).name).toBe('Named in Tandem');
    expect(await ws.eventsOf(feature.id, seq)).toEqual([]);
    expect((await ws.log(integrationId, feature.id)).map((l) => l.message)).toContainEqual(
      expect.stringMatching(/no mapped field changed since the last sync, so nothing changes$/),
    );
  });

  it('shows both sides changing one field as a conflict; keeping ours sends it, taking theirs applies it', {
    timeout: 40_000,
  }, async () => {
    const ws = await suite.env.workspace();
    const integrationId = await ws.enableRally(mappingsWithStatuses(ws.statuses));
    const feature = await ws.linkedFeature(integrationId, 'Dark mode');
    const ref = `/portfolioitem/feature/${feature.remoteId}`;
    const rename = async (name: string) => {
      const { version } = await ws.feature(feature.id);
      const res = await ws.browser.request('PATCH', `${ws.base}/features/${feature.id}`, {
        version,
        name,
      });
      expect(res.status).toBe(200);
    };
    const resolve = (keep: 'roadmap' | 'remote') =>
      ws.browser.request(
        'POST',
        `${ws.base}/links/feature/${feature.id}/${integrationId}/resolve`,
        { keep },
      );
    const rallyName = async () =>
      (await suite.env.rally(`portfolioitem/feature/${feature.remoteId}?fetch=Name`)).Feature.Name;

    // Both rename; Rally also changes the description, which has no rival and comes in.
    await rename('Dark mode (ours)');
    suite.env.editInRally(ref, { Name: 'Dark mode (theirs)', Description: '<p>Only theirs</p>' });
    await suite.env.settle();
    const [conflict] = await ws.links('feature', feature.id);
    expect(conflict).toMatchObject({
      state: 'conflict',
      conflict: [
        { field: 'name', label: 'Name', ours: 'Dark mode (ours)', theirs: 'Dark mode (theirs)' },
      ],
    });
    expect(await ws.feature(feature.id)).toMatchObject({
      name: 'Dark mode (ours)',
      descriptionHtml: '<p>Only theirs</p>',
    });
    expect(
      (await ws.log(integrationId, feature.id)).map((l) => [l.level, l.message]),
    ).toContainEqual(['warn', 'Changed on both sides since the last sync: name']);

    // Keep ours: it goes to Rally, and the record is linked again. Rally's delivery of that
    // update names Tandem's own user: counted in one aggregated line, not applied again.
    const beforeKeep = await lastEventSeq(handle().db);
    expect((await resolve('roadmap')).status).toBe(204);
    await suite.env.settle();
    expect(await rallyName()).toBe('Dark mode (ours)');
    expect(await ws.eventsOf(feature.id, beforeKeep)).toEqual([]);
    expect((await ws.log(integrationId)).map((l) => l.message)).toContainEqual(
      expect.stringMatching(
        /^Received \d+ webhook changes? with nothing to bring in \(\d+ made by Tandem itself/,
      ),
    );
    expect((await ws.links('feature', feature.id))[0]).toMatchObject({ state: 'linked' });
    expect((await ws.links('feature', feature.id))[0].conflict).toBeUndefined();

    // Again, and take theirs: the roadmap gets Rally's name and Rally is left alone.
    await rename('Dark mode (ours again)');
    suite.env.editInRally(ref, { Name: 'Dark mode (theirs again)' });
    await suite.env.settle();
    expect((await ws.links('feature', feature.id))[0]).toMatchObject({ state: 'conflict' });
    const rallyVersion = (
      await suite.env.rally(`portfolioitem/feature/${feature.remoteId}?fetch=VersionId`)
    ).Feature.VersionId;
    expect((await resolve('remote')).status).toBe(204);
    await suite.env.settle();
    expect((await ws.feature(feature.id)).name).toBe('Dark mode (theirs again)');
    expect(
      (await suite.env.rally(`portfolioitem/feature/${feature.remoteId}?fetch=VersionId`)).Feature
        .VersionId,
    ).toBe(rallyVersion);
    expect((await ws.links('feature', feature.id))[0]).toMatchObject({ state: 'linked' });

    // Nothing left to resolve; and the next Rally rename is a plain change, not a conflict.
    const again = await resolve('remote');
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/no conflict to resolve/);
    suite.env.editInRally(ref, { Name: 'Dark mode, finally' });
    await suite.env.settle();
    expect((await ws.feature(feature.id)).name).toBe('Dark mode, finally');
    expect((await ws.links('feature', feature.id))[0]).toMatchObject({ state: 'linked' });
    const log = (await ws.log(integrationId, feature.id)).map((l) => l.message);
    expect(log).toContainEqual("Olivia Owner kept Tandem's values of name; they are sent to Rally");
    expect(log).toContainEqual("Olivia Owner took Rally's values of name into the roadmap");
  });

  it('changes nothing twice for duplicate and reordered deliveries', {
    timeout: 30_000,
  }, async () => {
    const ws = await suite.env.workspace();
    const integrationId = await ws.enableRally(mappingsWithStatuses(ws.statuses));
    const feature = await ws.linkedFeature(integrationId, 'Bulk export');
    const ref = `/portfolioitem/feature/${feature.remoteId}`;
    const seq = await lastEventSeq(handle().db);
    suite.sim.simulator.control.setWebhookFaults({ duplicateRate: 1, reorderRate: 1 });
    try {
      suite.env.editInRally(ref, { Name: 'Bulk export (1)' });
      suite.env.editInRally(ref, { Name: 'Bulk export (2)', State: 'Developing' });
      await suite.env.settle();
    } finally {
      suite.sim.simulator.control.setWebhookFaults({ duplicateRate: 0, reorderRate: 0 });
    }
    expect(await ws.feature(feature.id)).toMatchObject({
      name: 'Bulk export (2)',
      statusId: ws.statusId('feature', 'In development'),
    });
    expect(await ws.eventsOf(feature.id, seq)).toHaveLength(1);
    const messages = (await ws.log(integrationId)).map((l) => l.message);
    expect(messages.some((m) => /\d+ duplicate deliveries/.test(m))).toBe(true);
  });

  it('imports a new Rally story under a linked feature, and a feature in a linked release', {
    timeout: 30_000,
  }, async () => {
    const ws = await suite.env.workspace();
    const integrationId = await ws.enableRally(mappingsWithStatuses(ws.statuses));
    const feature = await ws.linkedFeature(integrationId, 'Sync engine');
    const seq = await lastEventSeq(handle().db);

    const story = suite.env.createInRally('HierarchicalRequirement', {
      Name: 'Retry on reconnect',
      Description: '<p>Found in testing</p>',
      PortfolioItem: `/portfolioitem/feature/${feature.remoteId}`,
    });
    await suite.env.settle();
    const detail = await ws.feature(feature.id);
    expect(detail.requirements).toHaveLength(1);
    const requirement = detail.requirements[0];
    expect(requirement).toMatchObject({
      name: 'Retry on reconnect',
      descriptionHtml: '<p>Found in testing</p>',
      statusId: ws.statusId('requirement', 'To do'),
    });
    expect((await ws.links('requirement', requirement.id))[0]).toMatchObject({
      state: 'linked',
      formattedId: story?.values.FormattedID,
    });
    const created = await ws.eventsOf(requirement.id, seq);
    expect(created.map((e) => [e.action, e.origin])).toEqual([
      ['create', `integration:${integrationId}`],
    ]);
    expect((await ws.log(integrationId, requirement.id)).map((l) => l.message)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `imported ${story?.values.FormattedID} "Retry on reconnect" as requirement .* under `,
        ),
      ),
    );

    // Linked with its snapshot: the story's next state change is one plain update.
    suite.env.editInRally(`/hierarchicalrequirement/${story?.oid}`, {
      ScheduleState: 'In-Progress',
    });
    await suite.env.settle();
    const [after] = (await ws.feature(feature.id)).requirements;
    expect(after.statusId).toBe(ws.statusId('requirement', 'In progress'));
    expect((await ws.feature(feature.id)).requirements).toHaveLength(1);

    // A feature made in Rally in the linked release becomes a feature of that release.
    const releaseLink = await handle()
      .db.selectFrom('integration_fields')
      .select('value')
      .where('record_id', '=', ws.release.id)
      .where('key', '=', 'remoteId')
      .executeTakeFirstOrThrow();
    const rallyRelease = String(releaseLink.value).replaceAll('"', '');
    suite.env.createInRally('PortfolioItem/Feature', {
      Name: 'Planned in Rally',
      Release: `/release/${rallyRelease}`,
      State: 'Developing',
    });
    await suite.env.settle();
    const list = await (
      await ws.browser.request(
        'GET',
        `${ws.base}/features?q=${encodeURIComponent('Planned in Rally')}`,
      )
    ).json();
    const imported = (list.items as { name: string }[]).find(
      (f: { name: string }) => f.name === 'Planned in Rally',
    );
    expect(imported).toMatchObject({
      releaseId: ws.release.id,
      statusId: ws.statusId('feature', 'In development'),
    });
  });

  it('only lists a new Rally story as a candidate when automatic import is off; ignores one under an unlinked feature', {
    timeout: 30_000,
  }, async () => {
    const ws = await suite.env.workspace();
    const integrationId = await ws.enableRally(mappingsWithStatuses(ws.statuses), {
      importNewRecords: false,
    });
    const feature = await ws.linkedFeature(integrationId, 'Reports');
    suite.env.createInRally('HierarchicalRequirement', {
      Name: 'Export to CSV',
      PortfolioItem: `/portfolioitem/feature/${feature.remoteId}`,
    });
    suite.env.createInRally('HierarchicalRequirement', {
      Name: 'Under a feature Tandem does not know',
      PortfolioItem: '/portfolioitem/feature/5000000013',
    });
    await suite.env.settle();
    expect((await ws.feature(feature.id)).requirements).toEqual([]);
    const log = await ws.log(integrationId);
    const candidate = log.find((l) => l.event === 'import_candidate');
    expect(candidate?.message).toMatch(
      /import candidate: US\d+ "Export to CSV" would become a requirement under I\w+-\d+\. Automatically import new records is off/,
    );
    expect(log.map((l) => l.message)).toContainEqual(
      expect.stringMatching(
        /not imported: Skip creating candidate for US\d+ as requirement: it is not under a linked parent/,
      ),
    );
  });

  it('answers bad deliveries with a clear error and changes nothing', {
    timeout: 30_000,
  }, async () => {
    const ws = await suite.env.workspace();
    const integrationId = await ws.enableRally(mappingsWithStatuses(ws.statuses));
    const feature = await ws.linkedFeature(integrationId, 'Audit trail');
    const hooks = await fetch(`${suite.sim.url}/apps/pigeon/api/v2/webhook?pagesize=200`, {
      headers: { zsessionid: '_tandemRallySimAdminKey000000000000000000' },
    });
    const { Results } = (await hooks.json()) as { Results: { TargetUrl: string }[] };
    const target = Results.find((h) =>
      h.TargetUrl.includes(`/api/webhooks/${integrationId}?`),
    )!.TargetUrl;
    const post = async (url: string, body: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return { status: res.status, json: () => res.json() as Promise<any> };
    };
    const seq = await lastEventSeq(handle().db);

    const unknown = await post(target.replace(integrationId, 'no-such-integration'), '{}');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatchObject({
      code: 'not_found',
      message: 'Integration not found',
    });

    const notJson = await post(target, 'this is not json');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.message).toBe(
      'Not a Rally webhook delivery: the body is not JSON',
    );
    const wrongShape = await post(target, JSON.stringify({ message: { action: 'Updated' } }));
    expect(wrongShape.status).toBe(400);
    expect((await wrongShape.json()).error.code).toBe('validation_failed');

    const disabled = await ws.browser.request(
      'POST',
      `${ws.base}/integrations/${integrationId}/disable`,
    );
    expect(disabled.status).toBe(200);
    // Disabling removed the webhooks and their secret: nothing proves a delivery any more.
    const whileDisabled = await post(target, JSON.stringify({ message: {} }));
    expect(whileDisabled.status).toBe(401);
    expect((await whileDisabled.json()).error.message).toBe(
      'This delivery is not for a webhook this integration registered',
    );
    suite.env.editInRally(`/portfolioitem/feature/${feature.remoteId}`, {
      Name: 'Changed while off',
    });
    await suite.env.settle();

    expect((await ws.feature(feature.id)).name).toBe('Audit trail');
    expect(await ws.eventsOf(feature.id, seq)).toEqual([]);
    const messages = (await ws.log(integrationId)).map((l) => l.message);
    expect(messages).toContainEqual(
      'Refused a webhook delivery: Not a Rally webhook delivery: the body is not JSON',
    );
  });
});
