import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { roadmapFixture } from './support/roadmap.ts';

describeEachDialect('releases, initiatives and requirements API', (handle) => {
  it('lists scheduled releases by date, then parking lots by position', async () => {
    const f = await roadmapFixture(handle());
    const post = (body: object) => f.owner.request('POST', `${f.base}/releases`, body);
    await post({ name: 'Parking lot', parkingLot: true });
    await post({ name: '2026.4', releaseDate: '2026-12-15', startDate: '2026-10-01' });
    await post({ name: 'Someday', parkingLot: true });
    await post({ name: 'Undated' });
    const { releases } = await (await f.viewer.request('GET', `${f.base}/releases`)).json();
    expect(releases.map((r: { name: string }) => r.name)).toEqual([
      '2026.4',
      '2027.1',
      'Undated',
      'Parking lot',
      'Someday',
    ]);
    expect(releases[0].referenceNum).toMatch(new RegExp(`^${f.workspace.key}-R-\\d+$`));
  });

  it('edits a release with its version and refuses dates out of order', async () => {
    const f = await roadmapFixture(handle());
    const res = await f.contributor.request('PATCH', `${f.base}/releases/${f.release.id}`, {
      version: 1,
      name: '2027.1 — Offline first',
      startDate: '2027-01-10',
    });
    expect(await res.json()).toMatchObject({ name: '2027.1 — Offline first', version: 2 });
    const bad = await f.contributor.request('PATCH', `${f.base}/releases/${f.release.id}`, {
      version: 2,
      startDate: '2027-05-01',
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details.fields[0].path).toBe('releaseDate');
    const stale = await f.contributor.request('PATCH', `${f.base}/releases/${f.release.id}`, {
      version: 1,
      name: 'x',
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.details.currentVersion).toBe(2);
  });

  it('deletes a release only when it has no features (409 otherwise)', async () => {
    const f = await roadmapFixture(handle());
    await f.contributor.request('POST', `${f.base}/features`, {
      name: 'F',
      releaseId: f.release.id,
    });
    const before = await f.written('releases');
    const res = await f.contributor.request('DELETE', `${f.base}/releases/${f.release.id}`);
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/still has 1 feature/);
    expect(await f.written('releases')).toEqual(before);
    const empty = await (
      await f.contributor.request('POST', `${f.base}/releases`, { name: 'Empty', parkingLot: true })
    ).json();
    expect((await f.contributor.request('DELETE', `${f.base}/releases/${empty.id}`)).status).toBe(
      204,
    );
  });

  it('links a feature to an initiative of another workspace and lists both with scope=all', async () => {
    const app = await roadmapFixture(handle());
    const platform = await roadmapFixture(handle());
    const initiative = await (
      await platform.owner.request('POST', `${platform.base}/initiatives`, {
        name: 'Reliability',
        descriptionHtml: '<p>Fewer crashes<script>x</script></p>',
      })
    ).json();
    expect(initiative).toMatchObject({
      referenceNum: `${platform.workspace.key}-I-1`,
      descriptionHtml: '<p>Fewer crashes</p>',
    });
    const own = await (
      await app.owner.request('POST', `${app.base}/initiatives`, { name: 'Growth' })
    ).json();

    const mine = await (await app.viewer.request('GET', `${app.base}/initiatives`)).json();
    expect(mine.initiatives.map((i: { id: string }) => i.id)).toEqual([own.id]);
    const all = await (await app.viewer.request('GET', `${app.base}/initiatives?scope=all`)).json();
    expect(all.initiatives.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining([own.id, initiative.id]),
    );

    const feature = await app.contributor.request('POST', `${app.base}/features`, {
      name: 'Crash-free launches',
      releaseId: app.release.id,
      initiativeId: initiative.id,
    });
    expect(feature.status).toBe(201);
    const linked = await (
      await app.viewer.request('GET', `${app.base}/features?initiativeId=${initiative.id}`)
    ).json();
    expect(linked.items).toHaveLength(1);

    // Deleting the initiative unlinks the feature in the other workspace.
    expect(
      (await platform.owner.request('DELETE', `${platform.base}/initiatives/${initiative.id}`))
        .status,
    ).toBe(204);
    const after = await (
      await app.viewer.request('GET', `${app.base}/features/${(await feature.json()).id}`)
    ).json();
    expect(after.initiativeId).toBeNull();
  });

  it('creates, lists, edits and deletes requirements under a feature', async () => {
    const f = await roadmapFixture(handle());
    const feature = await (
      await f.contributor.request('POST', `${f.base}/features`, {
        name: 'F',
        releaseId: f.release.id,
      })
    ).json();
    const url = `${f.base}/features/${feature.id}/requirements`;
    const first = await (await f.contributor.request('POST', url, { name: 'Queue writes' })).json();
    const second = await (
      await f.contributor.request('POST', url, {
        name: 'Resolve conflicts',
        descriptionHtml: '<p onclick="x">Last <em>writer</em> wins</p>',
        assigneeId: f.userIds.contributor,
      })
    ).json();
    expect([first.referenceNum, second.referenceNum]).toEqual([
      `${feature.referenceNum}-1`,
      `${feature.referenceNum}-2`,
    ]);
    expect(second.descriptionHtml).toBe('<p>Last <em>writer</em> wins</p>');
    expect(first.statusId).toBe(f.statuses.requirement[0]!.id);

    const moved = await f.contributor.request('PATCH', `${f.base}/requirements/${second.id}`, {
      version: 1,
      rank: first.rank - 1,
      statusId: f.statuses.requirement[2]!.id,
    });
    expect(moved.status).toBe(200);
    const { requirements } = await (await f.viewer.request('GET', url)).json();
    expect(requirements.map((r: { name: string }) => r.name)).toEqual([
      'Resolve conflicts',
      'Queue writes',
    ]);

    const wrongStatus = await f.contributor.request('PATCH', `${f.base}/requirements/${first.id}`, {
      version: 1,
      statusId: f.statuses.feature[0]!.id,
    });
    expect(wrongStatus.status).toBe(400);
    expect((await f.viewer.request('POST', url, { name: 'x' })).status).toBe(403);
    expect(
      (await f.contributor.request('DELETE', `${f.base}/requirements/${first.id}`)).status,
    ).toBe(204);
    const detail = await (await f.viewer.request('GET', `${f.base}/features/${feature.id}`)).json();
    expect(detail.requirements.map((r: { id: string }) => r.id)).toEqual([second.id]);
  });
});
