import { getIntegrationFields } from '@tandem/roadmap';
import {
  DEFAULT_FULL_PAT,
  type RunningAzureDevOpsSimulator,
  startAzureDevOpsSimulator,
} from '@tandem/simulator-azure-devops';
import { describeEachDialect } from '@tandem/storage/testing';
import { sendSelection } from '@tandem/sync-engine/runner';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { azureDevOpsWorkspace } from './azure-devops-support.ts';
import { expectEachSentOnce } from './support.ts';

const FEATURES = Number(process.env.FAULT_FEATURES ?? 500);
const auth = { authorization: `Basic ${Buffer.from(`:${DEFAULT_FULL_PAT}`).toString('base64')}` };

describeEachDialect('sending to Azure DevOps through remote faults', (handle) => {
  let sim: RunningAzureDevOpsSimulator;
  beforeAll(async () => {
    sim = await startAzureDevOpsSimulator({ port: 0, webhookDelivery: { enabled: false } });
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

  /** Work items whose title starts with `prefix`, counted by title (WIQL, then a batch read). */
  async function countTitled(prefix: string): Promise<Map<string, number>> {
    const wiql = await fetch(`${sim.orgUrl}/Roadmap%20Demo/_apis/wit/wiql?api-version=7.1`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project AND [System.Title] CONTAINS '${prefix}'`,
      }),
    });
    const ids = ((await wiql.json()) as { workItems: { id: number }[] }).workItems.map((w) => w.id);
    const counts = new Map<string, number>();
    for (let i = 0; i < ids.length; i += 200) {
      const res = await fetch(`${sim.orgUrl}/_apis/wit/workitemsbatch?api-version=7.1`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ ids: ids.slice(i, i + 200), fields: ['System.Title'] }),
      });
      for (const item of ((await res.json()) as { value: { fields: Record<string, string> }[] })
        .value) {
        const title = item.fields['System.Title'] ?? '';
        counts.set(title, (counts.get(title) ?? 0) + 1);
      }
    }
    return counts;
  }

  it('looks a create up by its token after the answer is lost, and creates nothing twice', async () => {
    const ws = await azureDevOpsWorkspace(handle(), sim.orgUrl);
    const feature = await ws.feature(`Dropped ${ws.workspace.key}`, ['Child one', 'Child two']);
    await control('faults', {
      method: 'POST',
      path: '/workitems/\\$Feature',
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
    expect(links?.formattedId).toMatch(/^#\d+$/);
    expect(
      (await countTitled(`Dropped ${ws.workspace.key}`)).get(`Dropped ${ws.workspace.key}`),
    ).toBe(1);
    const log = await handle()
      .db.selectFrom('integration_log')
      .select('message')
      .where('integration_id', '=', ws.integrationId)
      .execute();
    expect(log.map((l) => l.message).join('\n')).toMatch(/lookup|look/i);
  });

  it('sends 500 features through 429 + Retry-After, 503, drop-after-commit and hangs: none twice, none missing', {
    timeout: 240_000,
  }, async () => {
    const ws = await azureDevOpsWorkspace(handle(), sim.orgUrl, {
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
      { action: 'drop-after-commit', method: 'POST', path: '/workitems/\\$', rate: 0.02 },
      {
        action: 'hang',
        status: 503,
        delayMs: 1_500,
        method: 'POST',
        path: '/workitems/\\$',
        rate: 0.02,
      },
    ]) {
      expect((await control('faults', fault)).status).toBe(201);
    }
    ws.sync.worker.start();
    await sendSelection(ws.sync.deps, ws.integrationId, { featureIds: ids });
    await ws.sync.worker.drained();
    await ws.sync.close();
    await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' });

    const counts = await countTitled(prefix);
    await expectEachSentOnce(handle(), ws.integrationId, counts, FEATURES);
  });
});
