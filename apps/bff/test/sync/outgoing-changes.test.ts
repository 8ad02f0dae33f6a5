import { describeEachDialect } from '@tandem/storage/testing';
import { createOutboxConsumer } from '@tandem/sync-engine/runner';
import pino from 'pino';
import { expect, it } from 'vitest';
import { type IncomingWorkspace, incomingSuite, mappingsWithStatuses } from './incoming-support.ts';

/**
 * Edits of a linked record go to Rally without *Send to Rally*: at once in auto mode (rich text
 * after a pause), after someone approves them in approve mode; never an edit Rally itself made.
 */
describeEachDialect('Roadmap edits sent to Rally', (handle) => {
  /** The BFF's clock runs this far ahead of the real one (the test ends an editing pause). */
  let aheadMs = 0;
  const now = () => new Date(Date.now() + aheadMs);
  const suite = incomingSuite(handle, { now });

  async function sendEdits() {
    await suite.env.app.sync.outbox.catchUp();
    await suite.env.settle();
  }

  async function inRally(remoteId: string) {
    return (
      await suite.env.rally(`portfolioitem/feature/${remoteId}?fetch=Name,Description,VersionId`)
    ).Feature as { Name: string; Description: string; VersionId: string };
  }

  async function edit(ws: IncomingWorkspace, id: string, patch: Record<string, unknown>) {
    const { version } = await ws.feature(id);
    const res = await ws.browser.request('PATCH', `${ws.base}/features/${id}`, {
      version,
      ...patch,
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }

  async function linkedInAuto() {
    const ws = await ws0();
    const integrationId = await ws.enableRally(mappingsWithStatuses(ws.statuses));
    await sendEdits();
    return { ws, integrationId };
  }
  const ws0 = () => suite.env.workspace();

  it('sends a renamed linked feature to Rally once, and nothing again after a restart', {
    timeout: 30_000,
  }, async () => {
    const { ws, integrationId } = await linkedInAuto();
    const feature = await ws.linkedFeature(integrationId, 'Offline sync');
    await sendEdits();
    const before = await inRally(feature.remoteId);

    await edit(ws, feature.id, { name: 'Offline sync for field teams' });
    await sendEdits();

    const after = await inRally(feature.remoteId);
    expect(after.Name).toBe('Offline sync for field teams');
    expect(Number(after.VersionId)).toBe(Number(before.VersionId) + 1);
    expect((await ws.links('feature', feature.id))[0]).toMatchObject({ state: 'linked' });

    const restarted = createOutboxConsumer({
      database: handle(),
      sync: suite.env.app.sync.deps,
      logger: pino({ level: 'silent' }),
    });
    await restarted.catchUp();
    await suite.env.settle();
    expect((await inRally(feature.remoteId)).VersionId).toBe(after.VersionId);
  });

  it('holds a description edit until the editing pause ends', { timeout: 30_000 }, async () => {
    const { ws, integrationId } = await linkedInAuto();
    const feature = await ws.linkedFeature(integrationId, 'Dark mode');
    await sendEdits();
    const before = await inRally(feature.remoteId);
    const editedAt = now().getTime();

    await edit(ws, feature.id, { descriptionHtml: '<p>Dark mode, <em>everywhere</em></p>' });
    // Not `settle()`: the worker is never drained while a job waits five minutes ahead.
    await suite.env.app.sync.outbox.catchUp();

    expect((await inRally(feature.remoteId)).Description).toBe(before.Description);
    expect((await ws.links('feature', feature.id))[0]).toMatchObject({ state: 'update_pending' });
    const job = await handle()
      .db.selectFrom('jobs')
      .select(['task', 'run_at'])
      .where('queue_name', '=', `sync:${integrationId}:${feature.id}`)
      .executeTakeFirstOrThrow();
    expect(job.task).toBe('sync.deliver-event');
    const runAt = new Date(job.run_at).getTime();
    expect(runAt).toBeGreaterThanOrEqual(editedAt + 5 * 60_000 - 1000);
    expect(runAt).toBeLessThanOrEqual(now().getTime() + 5 * 60_000 + 1000);

    // The pause ends: the scheduled delivery sends the description.
    aheadMs += 5 * 60_000 + 1000;
    suite.env.app.sync.worker.wake();
    await suite.env.settle();
    expect((await inRally(feature.remoteId)).Description).toBe(
      '<p>Dark mode, <em>everywhere</em></p>',
    );
    expect((await ws.links('feature', feature.id))[0]).toMatchObject({ state: 'linked' });
  });

  it('does not send back what Rally changed, nor anything of an unlinked feature', {
    timeout: 30_000,
  }, async () => {
    const { ws, integrationId } = await linkedInAuto();
    const feature = await ws.linkedFeature(integrationId, 'Bulk export');
    await sendEdits();
    const edited = suite.env.editInRally(`/portfolioitem/feature/${feature.remoteId}`, {
      Name: 'Bulk export to CSV',
    });
    await suite.env.settle();
    expect((await ws.feature(feature.id)).name).toBe('Bulk export to CSV');
    await sendEdits();
    expect((await inRally(feature.remoteId)).VersionId).toBe(String(edited?.values.VersionId));

    const unlinked = await (
      await ws.browser.request('POST', `${ws.base}/features`, {
        name: 'Never sent',
        releaseId: ws.release.id,
      })
    ).json();
    await edit(ws, unlinked.id, { name: 'Never sent, renamed' });
    await sendEdits();
    expect((await ws.links('feature', unlinked.id))[0]).toMatchObject({ state: 'unlinked' });
    const found = await suite.env.rally(
      `portfolioitem/feature?query=(Name contains "Never sent")&fetch=FormattedID`,
    );
    expect(found.QueryResult.TotalResultCount).toBe(0);
  });

  it('in approve mode, sends an edit only once someone approves it', {
    timeout: 30_000,
  }, async () => {
    const { ws, integrationId } = await linkedInAuto();
    const integrations = `${ws.base}/integrations/${integrationId}`;
    const current = await (await ws.browser.request('GET', integrations)).json();
    const switched = await ws.browser.request('PATCH', integrations, {
      version: current.version,
      settings: { sendMode: 'approve' },
    });
    expect(switched.status, await switched.clone().text()).toBe(200);
    const approved = await ws.linkedFeature(integrationId, 'Approved rename');
    const rejected = await ws.linkedFeature(integrationId, 'Rejected rename');
    await sendEdits();
    const rejectedBefore = await inRally(rejected.remoteId);

    await edit(ws, approved.id, { name: 'Approved rename, sent' });
    await edit(ws, rejected.id, { name: 'Rejected rename, kept here' });
    await sendEdits();
    expect((await inRally(approved.remoteId)).Name).toBe('Approved rename');
    expect((await ws.links('feature', approved.id))[0]).toMatchObject({
      state: 'awaiting_approval',
      approval: ['name'],
    });

    const decide = (id: string, decision: string) =>
      ws.browser.request('POST', `${ws.base}/links/feature/${id}/${integrationId}/approval`, {
        decision,
      });
    expect((await decide(approved.id, 'approve')).status).toBe(204);
    expect((await decide(rejected.id, 'reject')).status).toBe(204);
    await sendEdits();

    expect((await inRally(approved.remoteId)).Name).toBe('Approved rename, sent');
    expect(await inRally(rejected.remoteId)).toMatchObject({
      Name: 'Rejected rename',
      VersionId: rejectedBefore.VersionId,
    });
    expect((await ws.links('feature', rejected.id))[0]).toMatchObject({ state: 'linked' });
    expect((await decide(rejected.id, 'approve')).status).toBe(409);
  });
});
