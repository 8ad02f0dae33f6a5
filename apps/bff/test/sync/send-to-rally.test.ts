import { createRelease, getIntegrationFields, userContext } from '@tandem/roadmap';
import { type RunningRallySimulator, startRallySimulator } from '@tandem/sim-rally';
import { describeEachDialect } from '@tandem/storage/testing';
import { sendSelection } from '@tandem/sync-engine/runner';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rallyWorkspace } from './support.ts';

describeEachDialect('Send to Rally', (handle) => {
  let sim: RunningRallySimulator;
  beforeAll(async () => {
    sim = await startRallySimulator({ port: 0 });
  });
  afterAll(async () => {
    await sim.close();
  });

  async function remote(path: string) {
    const res = await fetch(`${sim.url}/slm/webservice/v2.0/${path}`, {
      headers: { zsessionid: '_tandemRallySimAdminKey000000000000000000' },
    });
    return (await res.json()) as Record<string, any>;
  }

  it('creates the release, then the feature, then its requirements as children, and links them', async () => {
    const ws = await rallyWorkspace(handle(), sim.url);
    const feature = await ws.feature('Offline sync for field teams', [
      'Queue edits offline',
      'Resolve conflicts on reconnect',
    ]);
    ws.sync.worker.start();
    const result = await sendSelection(ws.sync.deps, ws.integrationId, {
      featureIds: [feature.id],
    });
    expect(result.plan.steps.map((s) => `${s.action}:${s.record.kind}`)).toEqual([
      'create:release',
      'create:feature',
      'create:requirement',
      'create:requirement',
    ]);
    await ws.sync.worker.drained();
    await ws.sync.close();

    const links = (await getIntegrationFields(handle().db, 'feature', feature.id))[
      ws.integrationId
    ];
    expect(links?.formattedId).toMatch(/^F\d+$/);
    expect(links?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const releaseLink = (await getIntegrationFields(handle().db, 'release', ws.release.id))[
      ws.integrationId
    ];
    expect(releaseLink?.remoteId).toBeTruthy();

    const rallyFeature = (
      await remote(
        `portfolioitem/feature/${links?.remoteId}?fetch=Name,Release,UserStories,Description`,
      )
    ).Feature;
    expect(rallyFeature.Name).toBe('Offline sync for field teams');
    expect(rallyFeature.Description).toContain('<strong>why</strong>');
    expect(rallyFeature.Release?._ref).toContain(`/release/${releaseLink?.remoteId}`);
    expect(rallyFeature.UserStories.Count).toBe(2);
  });

  it('sends nothing twice when the same feature is sent again', async () => {
    const ws = await rallyWorkspace(handle(), sim.url);
    const feature = await ws.feature('Dark mode');
    ws.sync.worker.start();
    await sendSelection(ws.sync.deps, ws.integrationId, { featureIds: [feature.id] });
    await ws.sync.worker.drained();
    const again = await sendSelection(ws.sync.deps, ws.integrationId, { featureIds: [feature.id] });
    await ws.sync.worker.drained();
    await ws.sync.close();
    expect(again.plan.steps).toEqual([]);
    const found = await remote(
      `portfolioitem/feature?query=(Name = "Dark mode")&fetch=FormattedID`,
    );
    expect(found.QueryResult.TotalResultCount).toBe(1);
  });

  it('sends a parking-lot feature without its parking lot (unscheduled work has no Rally release)', async () => {
    const ws = await rallyWorkspace(handle(), sim.url);
    const parkingLot = await createRelease(handle(), userContext(ws.owner.id), ws.workspace.id, {
      name: 'Parking lot',
      parkingLot: true,
    });
    const feature = await ws.feature('Someday maybe');
    await handle()
      .db.updateTable('features')
      .set({ release_id: parkingLot.id })
      .where('id', '=', feature.id)
      .execute();
    ws.sync.worker.start();
    const result = await sendSelection(ws.sync.deps, ws.integrationId, {
      featureIds: [feature.id],
    });
    expect(result.plan.steps.map((s) => `${s.action}:${s.record.kind}`)).toEqual([
      'create:feature',
    ]);
    await ws.sync.worker.drained();
    await ws.sync.close();
    const links = (await getIntegrationFields(handle().db, 'feature', feature.id))[
      ws.integrationId
    ];
    const rallyFeature = (await remote(`portfolioitem/feature/${links?.remoteId}?fetch=Release`))
      .Feature;
    expect(rallyFeature.Release).toBeNull();
    expect(await getIntegrationFields(handle().db, 'release', parkingLot.id)).toEqual({});
  });
});
