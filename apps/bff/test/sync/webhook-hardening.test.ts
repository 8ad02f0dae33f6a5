import { type DatabaseHandle, sealContext } from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { sql } from 'kysely';
import { expect, it, vi } from 'vitest';
import { REFUSALS_BEFORE_LIMIT } from '../../src/integrations/webhook-refusals.ts';
import { incomingSuite, mappingsWithStatuses, RALLY_DEVELOPER } from './incoming-support.ts';

/** Row counts of every table of the database (the webhook writes nothing it refuses). */
async function rowCounts(database: DatabaseHandle): Promise<Record<string, number>> {
  const tables = await database.db.introspection.getTables();
  const out: Record<string, number> = {};
  for (const t of tables) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
      t.name,
    )}`.execute(database.db);
    out[t.name] = Number(rows[0]!.n);
  }
  return out;
}

/** Every row of a table, as text, to search for a value. */
async function rawRows(database: DatabaseHandle, table: string): Promise<string> {
  const { rows } = await sql`select * from ${sql.table(table)}`.execute(database.db);
  return JSON.stringify(rows);
}

/** A Rally webhook body for one object (what the simulator sends, reduced). */
function rallyBody(action: string, objectId: string, messageId: string): string {
  return JSON.stringify({
    message: {
      object_id: `uuid-${objectId}`,
      object_type: 'PortfolioItem/Feature',
      action,
      message_id: messageId,
      transaction: { timestamp: Date.now(), user: { uuid: 'someone-else' } },
      state: { a: { name: 'ObjectID', value: Number(objectId) } },
      changes: {},
    },
  });
}

/**
 * Webhook deliveries: the secret is sealed, checked before anything is written or any credential
 * opened; refusals are counted into one log row a minute; a "deleted" is believed only when the
 * remote no longer has the record.
 */
describeEachDialect('Webhook hardening', (handle) => {
  const suite = incomingSuite(handle);

  async function enabled() {
    const ws = await suite.env.workspace();
    const integrationId = await ws.enableRally(mappingsWithStatuses(ws.statuses));
    const hooks = await fetch(`${suite.sim.url}/apps/pigeon/api/v2/webhook?pagesize=200`, {
      headers: { zsessionid: '_tandemRallySimAdminKey000000000000000000' },
    });
    const { Results } = (await hooks.json()) as { Results: { TargetUrl: string }[] };
    const target = Results.find((h) =>
      h.TargetUrl.includes(`/api/webhooks/${integrationId}?`),
    )!.TargetUrl;
    const token = new URL(target).searchParams.get('tandem_token')!;
    const forged = new URL(target);
    forged.searchParams.set('tandem_token', `${token.slice(0, -4)}AAAA`);
    return { ws, integrationId, target, token, forged: forged.toString() };
  }

  const post = (url: string, body: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('keeps the webhook secret out of the integrations table in plain text', async () => {
    const { integrationId, token } = await enabled();
    expect(token.length).toBeGreaterThan(20);
    const raw = await rawRows(handle(), 'integrations');
    expect(raw).toContain(integrationId);
    expect(raw).not.toContain(token);
    const row = await handle()
      .db.selectFrom('integrations')
      .select('webhook')
      .where('id', '=', integrationId)
      .executeTakeFirstOrThrow();
    const webhook = (
      typeof row.webhook === 'string' ? JSON.parse(row.webhook) : row.webhook
    ) as Record<string, string>;
    expect(webhook.secret).toBeUndefined();
    expect(webhook.targetUrl).not.toContain('tandem_token');
    expect(
      suite.env.app.deps.secrets.open(webhook.sealedSecret!, sealContext.webhook(integrationId)),
    ).toBe(token);
  });

  it('writes nothing and opens no credential for a forged delivery', {
    timeout: 30_000,
  }, async () => {
    const { ws, integrationId, forged } = await enabled();
    const feature = await ws.linkedFeature(integrationId, 'Forgery target');
    // Wait until the send's own echoes and batched log lines have landed.
    let before = await rowCounts(handle());
    for (let settled = false; !settled; ) {
      await suite.env.settle();
      await new Promise((r) => setTimeout(r, 300));
      const now = await rowCounts(handle());
      settled = JSON.stringify(now) === JSON.stringify(before);
      before = now;
    }
    const open = vi.spyOn(suite.env.app.deps.secrets, 'open');
    try {
      for (const body of [
        rallyBody('Deleted', feature.remoteId, 'forged-1'),
        rallyBody('Updated', feature.remoteId, 'forged-2'),
        'not json at all',
      ]) {
        const res = await post(forged, body);
        expect(res.status).toBe(401);
      }
      const withoutToken = new URL(forged);
      withoutToken.search = '';
      expect((await post(withoutToken.toString(), '{}')).status).toBe(401);
      // At most the webhook secret was opened (it is kept open per registration once the first
      // genuine delivery needed it): never the integration's (or a template's) credentials.
      const contexts = open.mock.calls.map((call) => call[1]);
      expect(contexts.filter((c) => c !== sealContext.webhook(integrationId))).toEqual([]);
    } finally {
      open.mockRestore();
    }
    expect(await rowCounts(handle())).toEqual(before);
    expect((await ws.links('feature', feature.id))[0]).toMatchObject({ state: 'linked' });
  });

  it('logs 100 forged deliveries as one row with their count, answering 429 past the limit', {
    timeout: 30_000,
  }, async () => {
    const { ws, integrationId, forged } = await enabled();
    const refusedRows = async () =>
      (await ws.log(integrationId)).filter((l) => l.message.startsWith('Refused'));
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      const res = await post(forged, rallyBody('Updated', '1', `flood-${i}`));
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Across a minute boundary the per-minute limit starts again; within one it holds.
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(REFUSALS_BEFORE_LIMIT);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    // Counted in memory: nothing written per delivery.
    expect(await refusedRows()).toEqual([]);

    await suite.env.app.deps.webhookRefusals.flush();
    const refusals = await refusedRows();
    const total = refusals.reduce((n, l) => n + (l.data as { refused: number }).refused, 0);
    expect(total).toBe(100);
    // One row a minute: 100 deliveries sent within a minute (or two, across its boundary).
    expect(refusals.length).toBeLessThanOrEqual(2);
    if (refusals.length === 1) {
      expect(refusals[0]!.message).toBe(
        'Refused 100 webhook deliveries that do not carry this integration’s token (this minute)',
      );
    }
    const counted = await handle()
      .db.selectFrom('webhook_refusals')
      .select(({ fn }) => fn.sum<number>('count').as('n'))
      .where('integration_id', '=', integrationId)
      .executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(100);
  });

  it('adds the counts of several processes into the same minute’s row', async () => {
    const { ws, integrationId } = await enabled();
    const { webhookRefusalsRepository } = await import('@tandem/storage');
    const repo = webhookRefusalsRepository(handle().db);
    const minute = '2030-01-01T10:00:00.000Z';
    const entry = { integrationId, workspaceId: ws.workspaceId, minute };
    const message = (n: number) => `Refused ${n}`;
    await Promise.all([
      repo.add({ ...entry, count: 3 }, message),
      repo.add({ ...entry, count: 4 }, message),
    ]);
    const rows = (await ws.log(integrationId)).filter((l) => l.createdAt.startsWith('2030'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ message: 'Refused 7', data: { refused: 7, minute } });
  });

  it('keeps the link when a "deleted" arrives for a record Rally still has', {
    timeout: 30_000,
  }, async () => {
    const { ws, integrationId, target } = await enabled();
    const feature = await ws.linkedFeature(integrationId, 'Still here');
    const res = await post(target, rallyBody('Deleted', feature.remoteId, 'replayed-delete'));
    expect(res.status).toBe(200);
    // Acknowledged once queued; the inbox applies it (reading Rally, which still has it).
    expect(((await res.json()) as { queued: number }).queued).toBe(1);
    await suite.env.settle();
    expect((await ws.links('feature', feature.id))[0]).toMatchObject({ state: 'linked' });
    expect((await ws.log(integrationId, feature.id)).map((l) => l.message)).toContainEqual(
      expect.stringMatching(
        /^Received webhook: deleted .*, but the remote still has the record; refused/,
      ),
    );

    // Deleted in Rally for real: the same kind of delivery now breaks the link.
    suite.sim.simulator.control.actAs({
      user: RALLY_DEVELOPER,
      action: 'delete',
      ref: `/portfolioitem/feature/${feature.remoteId}`,
    });
    await suite.env.settle();
    expect((await ws.links('feature', feature.id))[0]).toMatchObject({ state: 'link_broken' });
  });
});
