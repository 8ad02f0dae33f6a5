import { listEvents } from '@tandem/roadmap';
import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { seedDemoRoadmap } from '../src/demo/seed-roadmap.ts';
import { createTestApp } from './support/test-app.ts';

describeEachDialect('demo roadmap', (handle) => {
  it('seeds a realistic roadmap once, readable through the API', async () => {
    const { client } = await createTestApp(handle());
    expect(await seedDemoRoadmap(handle())).toEqual({ created: true });
    const seq = (await listEvents(handle().db, { limit: 100_000 })).length;
    expect(await seedDemoRoadmap(handle())).toEqual({ created: false });
    expect((await listEvents(handle().db, { limit: 100_000 })).length).toBe(seq);

    const browser = client();
    const { workspaces } = await (await browser.login('contributor@tandem.demo')).json();
    const app = workspaces.find((w: { key: string }) => w.key === 'APP');
    const plt = workspaces.find((w: { key: string }) => w.key === 'PLT');
    const base = `/api/workspaces/${app.id}`;

    const { releases } = await (await browser.request('GET', `${base}/releases`)).json();
    expect(
      releases.map((r: { name: string; parkingLot: boolean }) => [r.name, r.parkingLot]),
    ).toEqual([
      ['2027.1 — Offline first', false],
      ['2027.2 — Work together', false],
      ['2027.3 — Insights', false],
      ['Parking lot', true],
    ]);
    const features = await (await browser.request('GET', `${base}/features?limit=500`)).json();
    expect(features.items.length).toBeGreaterThanOrEqual(28);
    expect(
      new Set(features.items.map((f: { statusId: string }) => f.statusId)).size,
    ).toBeGreaterThanOrEqual(5);

    const { fields } = await (await browser.request('GET', `${base}/custom-fields`)).json();
    expect(fields).toEqual([
      expect.objectContaining({ key: 'segment', required: true, type: 'select' }),
    ]);

    const { initiatives } = await (
      await browser.request('GET', `${base}/initiatives?scope=all`)
    ).json();
    const reliability = initiatives.find(
      (i: { name: string }) => i.name === 'Reliability you can feel',
    );
    expect(reliability.workspaceId).toBe(plt.id);
    const linked = await (
      await browser.request('GET', `${base}/features?initiativeId=${reliability.id}`)
    ).json();
    expect(linked.items.length).toBeGreaterThanOrEqual(3);

    const detail = await (
      await browser.request('GET', `${base}/features/${features.items[0].id}`)
    ).json();
    expect(detail.requirements.length).toBeGreaterThanOrEqual(1);
    expect(detail.descriptionHtml).toMatch(/^<h3>Problem<\/h3>/);

    // A seeded feature can be edited as it is (its required field is filled in).
    const edit = await browser.request('PATCH', `${base}/features/${detail.id}`, {
      version: detail.version,
      score: 99,
    });
    expect(edit.status).toBe(200);
  });
});
