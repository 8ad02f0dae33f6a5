import { lastEventSeq } from '@tandem/roadmap';
import { DEFAULT_ADMIN_API_KEY } from '@tandem/sim-rally';
import { integrationsRepository } from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { createDeliveryInbox, loadSnapshotWithin, remoteSelfOf } from '@tandem/sync-engine/runner';
import { expect, it } from 'vitest';
import { incomingSuite, mappingsWithStatuses } from './incoming-support.ts';

/** A Rally webhook body about one feature: who changed it, its version, a changed name. */
function rallyUpdate(
  remoteId: string,
  messageId: string,
  options: { user: string; version: number; name?: string },
): string {
  const changes: Record<string, unknown> = {
    v: {
      name: 'VersionId',
      type: 'Integer',
      value: options.version,
      old_value: options.version - 1,
    },
  };
  if (options.name)
    changes.n = { name: 'Name', type: 'String', value: options.name, old_value: '' };
  return JSON.stringify({
    message: {
      object_id: `uuid-${remoteId}`,
      object_type: 'PortfolioItem/Feature',
      action: 'Updated',
      message_id: messageId,
      transaction: { timestamp: Date.now(), user: { uuid: options.user } },
      state: {
        a: { name: 'ObjectID', value: Number(remoteId) },
        b: { name: 'VersionId', type: 'Integer', value: options.version },
      },
      changes,
    },
  });
}

/**
 * Webhook deliveries are acknowledged into a queue and applied from it (decision 028): echoes of
 * Tandem's own writes cost no read and no log row; a burst for one record is applied once; an
 * acknowledged delivery survives a crash; a real change among echoes is always applied.
 */
describeEachDialect('Webhook inbox', (handle) => {
  const suite = incomingSuite(handle);

  async function linked() {
    const ws = await suite.env.workspace();
    const integrationId = await ws.enableRally(mappingsWithStatuses(ws.statuses));
    const feature = await ws.linkedFeature(integrationId, `Inbox ${Math.random()}`);
    const db = handle().db;
    const row = (await integrationsRepository(db).find(integrationId))!;
    const self = remoteSelfOf(await suite.env.app.deps.sync.gateway.connect(row));
    const logRows = async () =>
      Number(
        (
          await db
            .selectFrom('integration_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('integration_id', '=', integrationId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const queued = async () =>
      Number(
        (
          await db
            .selectFrom('webhook_inbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('integration_id', '=', integrationId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const version = async () =>
      Number((await loadSnapshotWithin(db, integrationId, feature.id))?.remoteVersion);
    return { ws, integrationId, feature, self: self!, logRows, queued, version };
  }

  /** Posts a body as Rally would, to the registered target (its secret included). */
  async function deliver(integrationId: string, body: string) {
    const hooks = (await (
      await fetch(`${suite.sim.url}/apps/pigeon/api/v2/webhook?pagesize=200`, {
        headers: { zsessionid: DEFAULT_ADMIN_API_KEY },
      })
    ).json()) as { Results?: { TargetUrl: string }[] };
    const target = (hooks.Results ?? []).find((h) =>
      h.TargetUrl.includes(`/api/webhooks/${integrationId}?`),
    )!.TargetUrl;
    const res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as { queued: number; echoes: number };
  }

  it('lets an echo at Tandem’s own version go without a remote read or a log row', {
    timeout: 30_000,
  }, async () => {
    const t = await linked();
    const inbox = suite.env.app.deps.webhookInbox;
    await suite.env.settle();
    const before = await t.logRows();
    const v = await t.version();
    // Made by Tandem's own remote user: recognised in the request, nothing queued.
    expect(
      await deliver(
        t.integrationId,
        rallyUpdate(t.feature.remoteId, 'echo-1', { user: t.self, version: v }),
      ),
    ).toMatchObject({ echoes: 1, queued: 0 });
    // Someone else's user, but at the version Tandem already has: queued, applied without a read.
    expect(
      await deliver(
        t.integrationId,
        rallyUpdate(t.feature.remoteId, 'echo-2', {
          user: 'someone-else',
          version: v,
          name: 'Not new',
        }),
      ),
    ).toMatchObject({ echoes: 0, queued: 1 });
    await inbox.drained();
    await suite.env.app.sync.worker.drained();
    // No row at all: no "http" line (nothing read from Rally), no line per echo.
    expect(await t.logRows()).toBe(before);
    await inbox.flushLog();
    const lines = (await t.ws.log(t.integrationId)).slice(0, 1).map((l) => l.message);
    expect(lines[0]).toMatch(
      /^Received 2 webhook changes with nothing to bring in \(1 made by Tandem itself, 1 at a version Tandem already has\)$/,
    );
    expect(await t.logRows()).toBe(before + 1);
  });

  it('applies a burst of deliveries for one record once, with the latest values', {
    timeout: 30_000,
  }, async () => {
    const t = await linked();
    const inbox = suite.env.app.deps.webhookInbox;
    const ref = `/portfolioitem/feature/${t.feature.remoteId}`;
    await suite.env.settle();
    const seq = await lastEventSeq(handle().db);
    // The request log is written in batches (100 ms): wait for it before counting.
    const reads = async () => {
      await new Promise((r) => setTimeout(r, 300));
      const log = await t.ws.log(t.integrationId);
      return log.filter((l) => l.event === 'http' && / GET /.test(l.message)).length;
    };
    const readsBefore = await reads();
    inbox.pause();
    try {
      for (let i = 1; i <= 8; i++) suite.env.editInRally(ref, { Name: `Burst ${i}` });
      await suite.sim.simulator.control.flushWebhooks();
      expect(await t.queued()).toBe(8);
    } finally {
      inbox.start();
    }
    await suite.env.settle();
    expect(await t.queued()).toBe(0);
    expect(await t.ws.feature(t.feature.id)).toMatchObject({ name: 'Burst 8' });
    const events = await t.ws.eventsOf(t.feature.id, seq);
    expect(events).toHaveLength(1);
    expect(await reads()).toBe(readsBefore + 1);
  });

  it('keeps an acknowledged delivery through a crash before it is applied', {
    timeout: 30_000,
  }, async () => {
    const t = await linked();
    const inbox = suite.env.app.deps.webhookInbox;
    const ref = `/portfolioitem/feature/${t.feature.remoteId}`;
    await suite.env.settle();
    inbox.pause();
    try {
      suite.env.editInRally(ref, { Name: 'Acknowledged, then the process stopped' });
      await suite.sim.simulator.control.flushWebhooks();
      expect(await t.queued()).toBe(1);
      // A new process: a new inbox over the same database, knowing nothing of the old one.
      const restarted = createDeliveryInbox(suite.env.app.deps);
      restarted.start();
      await restarted.drained();
      await restarted.stop();
    } finally {
      inbox.start();
    }
    await suite.env.settle();
    expect(await t.queued()).toBe(0);
    expect(await t.ws.feature(t.feature.id)).toMatchObject({
      name: 'Acknowledged, then the process stopped',
    });
  });

  it('never swallows a real change that arrives between echoes', {
    timeout: 30_000,
  }, async () => {
    const t = await linked();
    const inbox = suite.env.app.deps.webhookInbox;
    const ref = `/portfolioitem/feature/${t.feature.remoteId}`;
    await suite.env.settle();
    const v = await t.version();
    inbox.pause();
    try {
      await deliver(
        t.integrationId,
        rallyUpdate(t.feature.remoteId, 'echo-a', { user: t.self, version: v }),
      );
      suite.env.editInRally(ref, { Name: 'A developer’s rename' });
      await suite.sim.simulator.control.flushWebhooks();
      await deliver(
        t.integrationId,
        rallyUpdate(t.feature.remoteId, 'echo-b', { user: t.self, version: v + 2 }),
      );
      expect(await t.queued()).toBe(1);
    } finally {
      inbox.start();
    }
    await suite.env.settle();
    expect(await t.ws.feature(t.feature.id)).toMatchObject({ name: 'A developer’s rename' });
    expect((await t.ws.log(t.integrationId, t.feature.id)).map((l) => l.message)).toContainEqual(
      expect.stringMatching(/^Received webhook: updated .*; brought in name$/),
    );
  });
});
