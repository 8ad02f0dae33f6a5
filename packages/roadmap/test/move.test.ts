import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import {
  createFeature,
  createRelease,
  listEvents,
  listFeatures,
  moveFeature,
  StaleVersionError,
  ValidationError,
} from '../src/index.ts';
import {
  eventsSince,
  featureInput,
  type Seeded,
  seedWorkspace,
  snapshot,
} from './support/fixtures.ts';

describeEachDialect('moving features on the board', (handle) => {
  async function board(s: Seeded, n: number) {
    const db = handle();
    const features = [];
    for (let i = 0; i < n; i++) {
      features.push(
        await createFeature(db, s.ctx, s.workspace.id, featureInput(s.release, { name: `F${i}` })),
      );
    }
    return features;
  }

  async function order(s: Seeded, filter: { statusId?: string; releaseId?: string } = {}) {
    const page = await listFeatures(handle(), s.workspace.id, { limit: 500, ...filter });
    return page.items.map((f) => f.name);
  }

  it('places a feature between two neighbours, at the top and at the bottom', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const [a, b, c, d] = await board(s, 4);
    await moveFeature(db, s.ctx, s.workspace.id, d!.id, {
      version: 1,
      afterId: a!.id,
      beforeId: b!.id,
    });
    expect(await order(s)).toEqual(['F0', 'F3', 'F1', 'F2']);
    await moveFeature(db, s.ctx, s.workspace.id, c!.id, { version: 1, beforeId: a!.id });
    expect(await order(s)).toEqual(['F2', 'F0', 'F3', 'F1']);
    await moveFeature(db, s.ctx, s.workspace.id, a!.id, { version: 1, afterId: b!.id });
    expect(await order(s)).toEqual(['F2', 'F3', 'F1', 'F0']);
  });

  it('changes status and release in the same move, with one event carrying all changes', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const later = await createRelease(db, s.ctx, s.workspace.id, {
      name: 'Later',
      parkingLot: true,
    });
    const [a, b] = await board(s, 2);
    const { seq } = await snapshot(db, 'features');
    const moved = await moveFeature(db, s.ctx, s.workspace.id, b!.id, {
      version: 1,
      statusId: s.statuses.feature[3]!.id,
      releaseId: later.id,
      beforeId: a!.id,
    });
    expect(moved).toMatchObject({
      statusId: s.statuses.feature[3]!.id,
      releaseId: later.id,
      version: 2,
    });
    const events = await eventsSince(db, seq);
    expect(events).toHaveLength(1);
    expect(Object.keys(events[0]!.changes).sort()).toEqual(['rank', 'releaseId', 'statusId']);
    expect(await order(s, { releaseId: later.id })).toEqual(['F1']);
    expect(await order(s, { statusId: s.statuses.feature[0]!.id })).toEqual(['F0']);
  });

  it('renumbers when the gap gets too small and keeps the order', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const [a, b, ...rest] = await board(s, 42);
    // Always dropping right under `a` halves the gap each time until it must be renumbered.
    let versions = new Map(rest.map((f) => [f.id, f.version]));
    for (const f of rest) {
      const moved = await moveFeature(db, s.ctx, s.workspace.id, f.id, {
        version: versions.get(f.id)!,
        afterId: a!.id,
      });
      versions = new Map(versions).set(f.id, moved.version);
    }
    const expected = ['F0', ...rest.map((f) => f.name).reverse(), b!.name];
    expect(await order(s)).toEqual(expected);
    const ranks = (await listFeatures(db, s.workspace.id, { limit: 500 })).items.map((f) => f.rank);
    expect(new Set(ranks).size).toBe(ranks.length);
    const renumbered = await listEvents(db.db, { recordId: b!.id });
    expect(renumbered.at(-1)).toMatchObject({ action: 'update', recordVersion: 1 });
    expect(Object.keys(renumbered.at(-1)!.changes)).toEqual(['rank']);
    // Renumbering does not make anyone's open edit stale.
    expect(
      (await listFeatures(db, s.workspace.id, { limit: 500 })).items.find((f) => f.id === b!.id)
        ?.version,
    ).toBe(1);
  });

  it('refuses neighbours of another workspace, in the wrong order, and stale versions', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const other = await seedWorkspace(db);
    const [foreign] = await board(other, 1);
    const [a, b, c] = await board(s, 3);
    const before = await snapshot(db, 'features');
    const e1 = await moveFeature(db, s.ctx, s.workspace.id, c!.id, {
      version: 1,
      afterId: foreign!.id,
    }).catch((e: unknown) => e);
    expect((e1 as ValidationError).fields).toEqual([
      { path: 'afterId', message: expect.any(String) },
    ]);
    const e2 = await moveFeature(db, s.ctx, s.workspace.id, c!.id, {
      version: 1,
      afterId: b!.id,
      beforeId: a!.id,
    }).catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(ValidationError);
    const e3 = await moveFeature(db, s.ctx, s.workspace.id, c!.id, {
      version: 1,
      releaseId: other.release.id,
    }).catch((e: unknown) => e);
    expect((e3 as ValidationError).fields[0]?.path).toBe('releaseId');
    const e4 = await moveFeature(db, s.ctx, s.workspace.id, c!.id, {
      version: 7,
      afterId: a!.id,
    }).catch((e: unknown) => e);
    expect(e4).toBeInstanceOf(StaleVersionError);
    expect(await snapshot(db, 'features')).toEqual(before);
  });
});
