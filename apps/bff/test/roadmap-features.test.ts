import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { type RoadmapFixture, roadmapFixture } from './support/roadmap.ts';

describeEachDialect('features API', (handle) => {
  const newFeature = (f: RoadmapFixture, over: Record<string, unknown> = {}) => ({
    name: 'Offline sync',
    descriptionHtml: '<p>Works on the <strong>train</strong></p>',
    releaseId: f.release.id,
    tags: ['offline'],
    ...over,
  });

  async function create(f: RoadmapFixture, over: Record<string, unknown> = {}) {
    const res = await f.contributor.request('POST', `${f.base}/features`, newFeature(f, over));
    expect(res.status).toBe(201);
    return res.json();
  }

  it('creates, reads, edits and deletes a feature, one event per write', async () => {
    const f = await roadmapFixture(handle());
    const { lastEvent } = await f.written('features');
    const feature = await create(f);
    expect(feature).toMatchObject({
      referenceNum: `${f.workspace.key}-1`,
      version: 1,
      statusId: f.statuses.feature[0]!.id,
      descriptionHtml: '<p>Works on the <strong>train</strong></p>',
    });

    const detail = await (await f.viewer.request('GET', `${f.base}/features/${feature.id}`)).json();
    expect(detail).toMatchObject({
      id: feature.id,
      requirements: [],
      attachments: [],
      integrationFields: {},
    });
    // The drawer's URL names the feature by reference; the API answers to it too.
    const byReference = await f.viewer.request(
      'GET',
      `${f.base}/features/${feature.referenceNum.toLowerCase()}`,
    );
    expect(await byReference.json()).toEqual(detail);

    const edited = await f.contributor.request('PATCH', `${f.base}/features/${feature.id}`, {
      version: 1,
      name: 'Offline sync v2',
      score: 8,
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ name: 'Offline sync v2', score: 8, version: 2 });

    const gone = await f.contributor.request('DELETE', `${f.base}/features/${feature.id}`);
    expect(gone.status).toBe(204);
    expect((await f.viewer.request('GET', `${f.base}/features/${feature.id}`)).status).toBe(404);

    const events = await f.eventsSince(lastEvent);
    expect(events.map((e) => [e.recordType, e.action, e.origin, e.actorId])).toEqual([
      ['feature', 'create', 'user', f.userIds.contributor],
      ['feature', 'update', 'user', f.userIds.contributor],
      ['feature', 'delete', 'user', f.userIds.contributor],
    ]);
    expect(events[1]!.changes).toEqual({
      name: { old: 'Offline sync', new: 'Offline sync v2' },
      score: { old: null, new: 8 },
    });
  });

  it('strips <script> and onerror= from the description on create and edit', async () => {
    const f = await roadmapFixture(handle());
    const feature = await create(f, {
      descriptionHtml: '<p>Hi<script>alert(1)</script></p><img src="x" onerror="alert(1)">',
    });
    expect(feature.descriptionHtml).toBe('<p>Hi</p>');
    const res = await f.contributor.request('PATCH', `${f.base}/features/${feature.id}`, {
      version: 1,
      descriptionHtml: '<p onmouseover="x()">Hey <a href="javascript:alert(1)">link</a></p>',
    });
    const stored = await (await f.viewer.request('GET', `${f.base}/features/${feature.id}`)).json();
    expect((await res.json()).descriptionHtml).toBe(stored.descriptionHtml);
    expect(stored.descriptionHtml).not.toMatch(/onmouseover|javascript|script|onerror/);
  });

  it('refuses a status from another workflow with 400 and writes nothing', async () => {
    const f = await roadmapFixture(handle());
    const before = await f.written('features');
    const res = await f.contributor.request(
      'POST',
      `${f.base}/features`,
      newFeature(f, { statusId: f.statuses.requirement[0]!.id }),
    );
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.fields).toEqual([
      { path: 'statusId', message: expect.stringContaining('feature workflow') },
    ]);
    expect(await f.written('features')).toEqual(before);
  });

  it('refuses a release from another workspace with 400 and writes nothing', async () => {
    const f = await roadmapFixture(handle());
    const other = await roadmapFixture(handle());
    const feature = await create(f);
    const before = await f.written('features');
    const created = await f.contributor.request(
      'POST',
      `${f.base}/features`,
      newFeature(f, { releaseId: other.release.id }),
    );
    const moved = await f.contributor.request('POST', `${f.base}/features/${feature.id}/move`, {
      version: 1,
      releaseId: other.release.id,
    });
    for (const res of [created, moved]) {
      expect(res.status).toBe(400);
      expect((await res.json()).error.details.fields[0].path).toBe('releaseId');
    }
    expect(await f.written('features')).toEqual(before);
  });

  it('enforces a required custom field on create and edit with 400, writing nothing', async () => {
    const f = await roadmapFixture(handle());
    const existing = await create(f);
    const field = await f.owner.request('POST', `${f.base}/custom-fields`, {
      recordType: 'feature',
      key: 'segment',
      label: 'Customer segment',
      type: 'select',
      options: ['SMB', 'Enterprise'],
      required: true,
    });
    expect(field.status).toBe(201);
    const before = await f.written('features');

    const missing = await f.contributor.request('POST', `${f.base}/features`, newFeature(f));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.details.fields).toEqual([
      { path: 'customFields.segment', message: 'Customer segment is required' },
    ]);
    const notAnOption = await f.contributor.request(
      'POST',
      `${f.base}/features`,
      newFeature(f, { customFields: { segment: 'Government' } }),
    );
    expect(notAnOption.status).toBe(400);
    const edit = await f.contributor.request('PATCH', `${f.base}/features/${existing.id}`, {
      version: 1,
      name: 'Renamed',
    });
    expect(edit.status).toBe(400);
    expect((await edit.json()).error.details.fields[0].path).toBe('customFields.segment');
    expect(await f.written('features')).toEqual(before);

    const ok = await f.contributor.request(
      'POST',
      `${f.base}/features`,
      newFeature(f, { customFields: { segment: 'SMB' } }),
    );
    expect(ok.status).toBe(201);
  });

  it('answers a stale version with 409 carrying the current record, writing nothing', async () => {
    const f = await roadmapFixture(handle());
    const feature = await create(f);
    const theirs = await (
      await f.owner.request('PATCH', `${f.base}/features/${feature.id}`, {
        version: 1,
        name: 'Theirs',
      })
    ).json();
    const before = await f.written('features');
    for (const [method, path, body] of [
      ['PATCH', `${f.base}/features/${feature.id}`, { version: 1, name: 'Mine' }],
      [
        'POST',
        `${f.base}/features/${feature.id}/move`,
        { version: 1, statusId: f.statuses.feature[2]!.id },
      ],
    ] as const) {
      const res = await f.contributor.request(method, path, body);
      expect(res.status).toBe(409);
      const { error } = await res.json();
      expect(error.code).toBe('conflict');
      expect(error.details).toEqual({ currentVersion: 2, current: theirs });
    }
    expect(await f.written('features')).toEqual(before);
  });

  it('moves a feature to another status and release and between neighbours', async () => {
    const f = await roadmapFixture(handle());
    const later = await (
      await f.owner.request('POST', `${f.base}/releases`, { name: 'Parking lot', parkingLot: true })
    ).json();
    const a = await create(f, { name: 'A' });
    const b = await create(f, { name: 'B' });
    const c = await create(f, { name: 'C' });
    const res = await f.contributor.request('POST', `${f.base}/features/${c.id}/move`, {
      version: 1,
      statusId: f.statuses.feature[2]!.id,
      releaseId: later.id,
      afterId: a.id,
      beforeId: b.id,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      statusId: f.statuses.feature[2]!.id,
      releaseId: later.id,
      version: 2,
    });
    const list = await (await f.viewer.request('GET', `${f.base}/features`)).json();
    expect(list.items.map((x: { name: string }) => x.name)).toEqual(['A', 'C', 'B']);
    const inLater = await (
      await f.viewer.request('GET', `${f.base}/features?releaseId=${later.id}`)
    ).json();
    expect(inLater.items.map((x: { name: string }) => x.name)).toEqual(['C']);
  });

  it('pages with a cursor and filters by tag and text', async () => {
    const f = await roadmapFixture(handle());
    for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon']) {
      await create(f, { name, tags: name.length === 5 ? ['five'] : [] });
    }
    const first = await (await f.viewer.request('GET', `${f.base}/features?limit=2`)).json();
    expect(first.items.map((x: { name: string }) => x.name)).toEqual(['Alpha', 'Beta']);
    const second = await (
      await f.viewer.request('GET', `${f.base}/features?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((x: { name: string }) => x.name)).toEqual(['Gamma', 'Delta']);
    const third = await (
      await f.viewer.request('GET', `${f.base}/features?limit=2&cursor=${second.nextCursor}`)
    ).json();
    expect(third).toMatchObject({ items: [{ name: 'Epsilon' }], nextCursor: null });
    const tagged = await (await f.viewer.request('GET', `${f.base}/features?tag=five`)).json();
    expect(tagged.items.map((x: { name: string }) => x.name)).toEqual(['Alpha', 'Gamma', 'Delta']);
    const found = await (await f.viewer.request('GET', `${f.base}/features?q=eps`)).json();
    expect(found.items.map((x: { name: string }) => x.name)).toEqual(['Epsilon']);
    const bad = await f.viewer.request('GET', `${f.base}/features?limit=0`);
    expect(bad.status).toBe(400);
    const badCursor = await f.viewer.request('GET', `${f.base}/features?cursor=nope`);
    expect((await badCursor.json()).error.details.fields[0].path).toBe('cursor');
  });

  it('lets a viewer read but not write (403), and hides the workspace from outsiders (404)', async () => {
    const f = await roadmapFixture(handle());
    const feature = await create(f);
    const before = await f.written('features');
    for (const [method, path, body] of [
      ['POST', `${f.base}/features`, newFeature(f)],
      ['PATCH', `${f.base}/features/${feature.id}`, { version: 1, name: 'x' }],
      ['POST', `${f.base}/features/${feature.id}/move`, { version: 1 }],
      ['DELETE', `${f.base}/features/${feature.id}`, undefined],
    ] as const) {
      const res = await f.viewer.request(method, path, body);
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
    expect(await f.written('features')).toEqual(before);
    expect((await f.viewer.request('GET', `${f.base}/features`)).status).toBe(200);

    const other = await roadmapFixture(handle());
    const stranger = other.client();
    await stranger.login('owner@tandem.demo');
    // The demo users belong to every fixture workspace, so use an id that exists nowhere.
    expect((await stranger.request('GET', '/api/workspaces/nope/features')).status).toBe(404);
  });
});
