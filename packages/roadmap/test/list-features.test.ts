import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import {
  createFeature,
  createInitiative,
  createRelease,
  createRequirement,
  listFeatures,
  listStatuses,
  ValidationError,
} from '../src/index.ts';
import { featureInput, seedWorkspace } from './support/fixtures.ts';

describeEachDialect('listing features', (handle) => {
  it('tells each feature how many requirements it has and how many are done', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const withThree = await createFeature(
      db,
      s.ctx,
      s.workspace.id,
      featureInput(s.release, { name: 'Three' }),
    );
    await createFeature(db, s.ctx, s.workspace.id, featureInput(s.release, { name: 'None' }));
    const done = (await listStatuses(db.db, s.workspace.id, 'requirement')).find(
      (st) => st.category === 'done',
    );
    for (const [i, name] of ['a', 'b', 'c'].entries()) {
      await createRequirement(db, s.ctx, s.workspace.id, withThree.id, {
        name,
        descriptionHtml: '',
        customFields: {},
        ...(i === 0 && done ? { statusId: done.id } : {}),
      });
    }
    const { items } = await listFeatures(db, s.workspace.id, { limit: 10 });
    expect(items.map((f) => [f.name, f.requirementCount, f.requirementsDone])).toEqual([
      ['Three', 3, 1],
      ['None', 0, 0],
    ]);
  });

  it('pages through every feature in rank order without repeats', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    for (let i = 0; i < 7; i++) {
      await createFeature(db, s.ctx, s.workspace.id, featureInput(s.release, { name: `F${i}` }));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listFeatures(db, s.workspace.id, {
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((f) => f.name));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(['F0', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6']);
  });

  it('filters by status, release, initiative, assignee, tag and text', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const other = await createRelease(db, s.ctx, s.workspace.id, {
      name: 'Other',
      parkingLot: false,
    });
    const initiative = await createInitiative(db, s.ctx, s.workspace.id, {
      name: 'Growth',
      descriptionHtml: '',
    });
    const a = await createFeature(
      db,
      s.ctx,
      s.workspace.id,
      featureInput(s.release, {
        name: 'Offline 100%_sync',
        tags: ['ios', 'offline'],
        assigneeId: s.member.id,
        initiativeId: initiative.id,
      }),
    );
    const b = await createFeature(
      db,
      s.ctx,
      s.workspace.id,
      featureInput(other, {
        name: 'Dark mode',
        tags: ['iosx'],
        statusId: s.statuses.feature[2]!.id,
      }),
    );
    const names = async (filter: Record<string, string>) =>
      (await listFeatures(db, s.workspace.id, { limit: 100, ...filter })).items.map((f) => f.name);
    expect(await names({ statusId: s.statuses.feature[2]!.id })).toEqual(['Dark mode']);
    expect(await names({ releaseId: s.release.id })).toEqual([a.name]);
    expect(await names({ initiativeId: initiative.id })).toEqual([a.name]);
    expect(await names({ assigneeId: s.member.id })).toEqual([a.name]);
    expect(await names({ tag: 'ios' })).toEqual([a.name]);
    expect(await names({ q: 'DARK' })).toEqual([b.name]);
    expect(await names({ q: '100%_' })).toEqual([a.name]);
    expect(await names({ q: '0%x' })).toEqual([]);
    expect(await names({ q: b.referenceNum })).toEqual([b.name]);
  });

  it('refuses a cursor it did not make', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const error = await listFeatures(db, s.workspace.id, { limit: 5, cursor: 'garbage' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
  });
});
