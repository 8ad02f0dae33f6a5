import { getIntegrationFields } from '@tandem/roadmap';
import {
  DEFAULT_ADMIN_API_KEY,
  type RunningRallySimulator,
  startRallySimulator,
} from '@tandem/sim-rally';
import { integrationsRepository } from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { sendSelection } from '@tandem/sync-engine/runner';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { expectEachSentOnce, rallyWorkspace } from './support.ts';

const FEATURES = Number(process.env.FAULT_FEATURES ?? 500);

describeEachDialect('sending through remote faults', (handle) => {
  let sim: RunningRallySimulator;
  beforeAll(async () => {
    sim = await startRallySimulator({ port: 0 });
  });
  afterAll(async () => {
    await sim.close();
  });
  afterEach(async () => {
    await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' });
  });

  const control = (path: string, body: unknown, method = 'POST') =>
    fetch(`${sim.url}/__sim/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  async function countNamed(type: string, prefix: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (let start = 1; ; start += 2000) {
      const res = await fetch(
        `${sim.url}/slm/webservice/v2.0/${type}?query=(Name contains "${prefix}")&fetch=Name&pagesize=2000&start=${start}`,
        { headers: { zsessionid: DEFAULT_ADMIN_API_KEY } },
      );
      const page = (await res.json()) as {
        QueryResult: { Results: { Name: string }[]; TotalResultCount: number };
      };
      for (const r of page.QueryResult.Results) counts.set(r.Name, (counts.get(r.Name) ?? 0) + 1);
      if (start + 2000 > page.QueryResult.TotalResultCount) return counts;
    }
  }

  it('looks a create up after the connection drops once it committed, and creates nothing twice', async () => {
    const ws = await rallyWorkspace(handle(), sim.url);
    const feature = await ws.feature('Dropped-after-commit feature');
    await control('faults', {
      method: 'POST',
      path: 'portfolioitem/feature/create',
      action: 'drop-after-commit',
      times: 1,
    });
    ws.sync.worker.start();
    await sendSelection(ws.sync.deps, ws.integrationId, { featureIds: [feature.id] });
    await ws.sync.worker.drained();
    await ws.sync.close();

    const links = (await getIntegrationFields(handle().db, 'feature', feature.id))[
      ws.integrationId
    ];
    expect(links?.formattedId).toMatch(/^F\d+$/);
    expect(
      (await countNamed('portfolioitem/feature', 'Dropped-after-commit')).get(
        'Dropped-after-commit feature',
      ),
    ).toBe(1);
    const log = await handle()
      .db.selectFrom('integration_log')
      .select('message')
      .where('integration_id', '=', ws.integrationId)
      .execute();
    expect(log.map((l) => l.message).join('\n')).toMatch(/lookup|look/i);
  });

  it('sends 500 features through 10 % faults with no duplicate and none missing', {
    timeout: 240_000,
  }, async () => {
    const ws = await rallyWorkspace(handle(), sim.url, {
      transport: {
        timeouts: { headersMs: 1_000, bodyMs: 1_000 },
        retry: { baseDelayMs: 20, maxDelayMs: 200 },
      },
    });
    const prefix = `Fault-${ws.workspace.key}`;
    const ids: string[] = [];
    for (let i = 0; i < FEATURES; i++) ids.push((await ws.feature(`${prefix} #${i}`)).id);
    for (const fault of [
      { action: 'status', status: 429, retryAfterSeconds: 1, rate: 0.03 },
      { action: 'status', status: 503, rate: 0.03 },
      { action: 'drop-after-commit', path: '/create', rate: 0.02 },
      { action: 'hang', status: 524, delayMs: 1_500, path: '/create', rate: 0.02 },
    ]) {
      expect((await control('faults', fault)).status).toBe(201);
    }
    ws.sync.worker.start();
    await sendSelection(ws.sync.deps, ws.integrationId, { featureIds: ids });
    await ws.sync.worker.drained();
    await ws.sync.close();
    await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' });

    const counts = await countNamed('portfolioitem/feature', prefix);
    await expectEachSentOnce(handle(), ws.integrationId, counts, FEATURES);
  });

  it('marks the integration failing when a record fails for good, and healthy again on the next link', async () => {
    const ws = await rallyWorkspace(handle(), sim.url);
    const refused = await ws.feature('Refused by Rally');
    const accepted = await ws.feature('Accepted by Rally');
    await control('faults', {
      method: 'POST',
      path: 'portfolioitem/feature/create',
      action: 'status',
      status: 400,
      times: 1,
    });
    ws.sync.worker.start();
    await sendSelection(ws.sync.deps, ws.integrationId, { featureIds: [refused.id] });
    await ws.sync.worker.drained();
    const integrations = integrationsRepository(handle().db);
    const failing = await integrations.find(ws.integrationId);
    expect(failing?.state).toBe('failing');
    expect(failing?.lastError).toMatch(/Refused by Rally|400|Simulated/);

    await sendSelection(ws.sync.deps, ws.integrationId, { featureIds: [accepted.id] });
    await ws.sync.worker.drained();
    await ws.sync.close();
    const healthy = await integrations.find(ws.integrationId);
    expect(healthy).toMatchObject({ state: 'enabled', lastError: null });
    expect(healthy?.lastSyncAt).toBeTruthy();
  });
});
