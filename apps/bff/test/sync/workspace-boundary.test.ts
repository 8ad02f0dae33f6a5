import { randomUUID } from 'node:crypto';
import { describeEachDialect } from '@tandem/storage/testing';
import type { SendPlan } from '@tandem/sync-engine';
import { sendPlan } from '@tandem/sync-engine/runner';
import { expect, it } from 'vitest';
import { type IncomingWorkspace, incomingSuite, mappingsWithStatuses } from './incoming-support.ts';

/**
 * A record belongs to one workspace. Whatever names it — a send, a job, an edit, a webhook, an
 * approval — an integration of another workspace never reads it, sends it or writes to it.
 */
describeEachDialect('Records stay in their own workspace', (handle) => {
  const suite = incomingSuite(handle);

  async function twoWorkspaces() {
    const a = await suite.env.workspace();
    const b = await suite.env.workspace();
    const integrationId = await a.enableRally(mappingsWithStatuses(a.statuses));
    return { a, b, integrationId };
  }

  async function featureIn(ws: IncomingWorkspace, name: string) {
    const res = await ws.browser.request('POST', `${ws.base}/features`, {
      name,
      releaseId: ws.release.id,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as { id: string; referenceNum: string; version: number };
  }

  async function inRally(type: 'release' | 'portfolioitem/feature', name: string) {
    const found = await suite.env.rally(`${type}?query=(Name = "${name}")&fetch=Name`);
    return found.QueryResult.TotalResultCount as number;
  }

  const syncRowsOf = (integrationId: string, recordId: string) =>
    handle()
      .db.selectFrom('record_syncs')
      .selectAll()
      .where('integration_id', '=', integrationId)
      .where('record_id', '=', recordId)
      .execute();

  /**
   * What a hole would leave behind: `recordId` (of another workspace) carrying `from`'s link rows
   * and sync state under `integrationId`, as if it had been linked through that integration.
   */
  async function forgeLink(integrationId: string, from: string, recordId: string) {
    const db = handle().db;
    const target = await db
      .selectFrom('features')
      .select('workspace_id')
      .where('id', '=', recordId)
      .executeTakeFirstOrThrow();
    const fields = await db
      .selectFrom('integration_fields')
      .selectAll()
      .where('integration_id', '=', integrationId)
      .where('record_id', '=', from)
      .execute();
    for (const f of fields) {
      await db
        .insertInto('integration_fields')
        .values({ ...f, id: randomUUID(), record_id: recordId, workspace_id: target.workspace_id })
        .execute();
    }
    for (const s of await syncRowsOf(integrationId, from)) {
      await db
        .insertInto('record_syncs')
        .values({ ...s, record_id: recordId })
        .execute();
    }
  }

  it("refuses a send that names another workspace's release, and nothing reaches Rally", {
    timeout: 30_000,
  }, async () => {
    const { a, b, integrationId } = await twoWorkspaces();
    const own = await featureIn(a, 'Ours to send');
    for (const selection of [
      { releaseIds: [b.release.id] },
      { releaseIds: [b.release.id], dryRun: true },
      { featureIds: [own.id], releaseIds: [b.release.id] },
    ]) {
      const res = await a.browser.request(
        'POST',
        `${a.base}/integrations/${integrationId}/sends`,
        selection,
      );
      expect(res.status).toBe(404);
      expect((await res.json()).error.message).toBe(
        `Nothing was sent: no release ${b.release.id} in this workspace`,
      );
    }
    await suite.env.settle();
    expect(await inRally('release', b.release.name)).toBe(0);
    expect(await inRally('portfolioitem/feature', 'Ours to send')).toBe(0);
    expect(await b.links('release', b.release.id)).toEqual([]);
    expect(await syncRowsOf(integrationId, b.release.id)).toEqual([]);
  });

  it("refuses a send that names another workspace's feature", async () => {
    const { a, b, integrationId } = await twoWorkspaces();
    const theirs = await featureIn(b, 'Theirs by id');
    const res = await a.browser.request('POST', `${a.base}/integrations/${integrationId}/sends`, {
      featureIds: [theirs.id],
    });
    expect(res.status).toBe(404);
    expect(await syncRowsOf(integrationId, theirs.id)).toEqual([]);
  });

  it("a job naming another workspace's record fails without calling Rally, and says why", {
    timeout: 30_000,
  }, async () => {
    const { a, b, integrationId } = await twoWorkspaces();
    const theirs = await featureIn(b, 'Smuggled into a plan');
    const plan: SendPlan = {
      integrationId,
      steps: [
        {
          action: 'create',
          record: { kind: 'feature', id: theirs.id, integrationId, referenceNum: 'X-1' },
          remoteType: 'PortfolioItem/Feature',
          parent: null,
        },
      ],
      skipped: [],
      warnings: [],
    };
    await sendPlan(suite.env.app.sync.deps, plan);
    await suite.env.settle();
    expect(await inRally('portfolioitem/feature', 'Smuggled into a plan')).toBe(0);
    expect((await syncRowsOf(integrationId, theirs.id)).map((r) => r.state_name)).not.toContain(
      'linked',
    );
    const fields = await handle()
      .db.selectFrom('integration_fields')
      .select('key')
      .where('record_id', '=', theirs.id)
      .execute();
    expect(fields).toEqual([]);
    const log = await a.log(integrationId, theirs.id);
    expect(log.map((e) => e.message).join('\n')).toMatch(/belongs to another workspace/);
  });

  it("an edit of another workspace's record is not sent through a link it should not have", {
    timeout: 30_000,
  }, async () => {
    const { a, b, integrationId } = await twoWorkspaces();
    const linked = await a.linkedFeature(integrationId, 'Rally keeps this name');
    const theirs = await featureIn(b, 'Theirs to rename');
    await forgeLink(integrationId, linked.id, theirs.id);

    const res = await b.browser.request('PATCH', `${b.base}/features/${theirs.id}`, {
      version: theirs.version,
      name: 'Renamed in the other workspace',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    await suite.env.app.sync.outbox.catchUp();
    await suite.env.settle();

    const remote = await suite.env.rally(`portfolioitem/feature/${linked.remoteId}?fetch=Name`);
    expect(remote.Feature.Name).toBe('Rally keeps this name');
  });

  it("a change made in Rally never lands on another workspace's record", {
    timeout: 30_000,
  }, async () => {
    const { a, b, integrationId } = await twoWorkspaces();
    const linked = await a.linkedFeature(integrationId, 'Linked in A');
    const theirs = await featureIn(b, 'Untouched in B');
    await handle().db.deleteFrom('integration_fields').where('record_id', '=', linked.id).execute();
    await forgeLink(integrationId, linked.id, theirs.id);
    const seq = Number(
      (
        await handle()
          .db.selectFrom('record_events')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .executeTakeFirstOrThrow()
      ).seq,
    );

    suite.env.editInRally(`/portfolioitem/feature/${linked.remoteId}`, { Name: 'From Rally' });
    await suite.env.settle();

    expect((await b.feature(theirs.id)).name).toBe('Untouched in B');
    expect(await b.eventsOf(theirs.id, seq)).toEqual([]);
  });

  it("approvals and conflicts of another workspace's record are not found", async () => {
    const { a, b, integrationId } = await twoWorkspaces();
    const linked = await a.linkedFeature(integrationId, 'Approve me not');
    const theirs = await featureIn(b, 'Not yours to approve');
    await forgeLink(integrationId, linked.id, theirs.id);
    const path = `${a.base}/links/feature/${theirs.id}/${integrationId}`;
    const approve = await a.browser.request('POST', `${path}/approval`, { decision: 'approve' });
    expect(approve.status).toBe(404);
    expect((await approve.json()).error.message).toBe('Feature not found');
    const resolve = await a.browser.request('POST', `${path}/resolve`, { keep: 'remote' });
    expect(resolve.status).toBe(404);
  });
});
