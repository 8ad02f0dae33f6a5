import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import {
  createCustomField,
  createFeature,
  createInitiative,
  createRelease,
  findFeature,
  getFeatureDetail,
  StaleVersionError,
  updateFeature,
  ValidationError,
} from '../src/index.ts';
import { eventsSince, featureInput, seedWorkspace, snapshot } from './support/fixtures.ts';

describeEachDialect('features', (handle) => {
  async function refusal(promise: Promise<unknown>) {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fields;
  }

  it('creates features with per-workspace reference numbers and one create event each', async () => {
    const db = handle();
    const { workspace, ctx, release, statuses } = await seedWorkspace(db);
    const before = await snapshot(db, 'features');
    const a = await createFeature(
      db,
      ctx,
      workspace.id,
      featureInput(release, { tags: ['ios', ' iOS ', 'sync'] }),
    );
    const b = await createFeature(
      db,
      ctx,
      workspace.id,
      featureInput(release, { name: 'Dark mode' }),
    );
    expect(a.referenceNum).toBe(`${workspace.key}-1`);
    expect(b.referenceNum).toBe(`${workspace.key}-2`);
    expect(a).toMatchObject({
      version: 1,
      statusId: statuses.feature[0]!.id,
      tags: ['ios', 'sync'],
    });
    expect(b.rank).toBeGreaterThan(a.rank);

    const events = await eventsSince(db, before.seq);
    expect(events.map((e) => [e.recordType, e.action, e.recordId])).toEqual([
      ['feature', 'create', a.id],
      ['feature', 'create', b.id],
    ]);
    expect(events[0]).toMatchObject({ origin: 'user', actorId: ctx.actorId, recordVersion: 1 });
    expect(events[0]!.changes.name).toEqual({ old: null, new: 'Offline sync' });
  });

  it('allocates distinct reference numbers under concurrent creates', async () => {
    const db = handle();
    const { workspace, ctx, release } = await seedWorkspace(db);
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        createFeature(db, ctx, workspace.id, featureInput(release, { name: `F${i}` })),
      ),
    );
    const numbers = created.map((f) => Number(f.referenceNum.split('-')[1])).sort((x, y) => x - y);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('sanitises the description on create and on edit', async () => {
    const db = handle();
    const { workspace, ctx, release } = await seedWorkspace(db);
    const f = await createFeature(
      db,
      ctx,
      workspace.id,
      featureInput(release, {
        descriptionHtml: '<p>ok<script>alert(1)</script></p><img src=x onerror=alert(1)>',
      }),
    );
    expect(f.descriptionHtml).toBe('<p>ok</p>');
    const g = await updateFeature(db, ctx, workspace.id, f.id, {
      version: f.version,
      descriptionHtml: '<p onclick="steal()">new</p>',
    });
    expect(g.descriptionHtml).toBe('<p>new</p>');
  });

  it('refuses a status from another workflow and writes nothing', async () => {
    const db = handle();
    const { workspace, ctx, release, statuses } = await seedWorkspace(db);
    const other = await seedWorkspace(db);
    const before = await snapshot(db, 'features');
    for (const statusId of [statuses.requirement[0]!.id, other.statuses.feature[0]!.id]) {
      const fields = await refusal(
        createFeature(db, ctx, workspace.id, featureInput(release, { statusId })),
      );
      expect(fields).toEqual([
        { path: 'statusId', message: expect.stringContaining('not part of the feature workflow') },
      ]);
    }
    expect(await snapshot(db, 'features')).toEqual(before);
  });

  it('refuses a release from another workspace, an unknown initiative and a non-member assignee', async () => {
    const db = handle();
    const { workspace, ctx, stranger } = await seedWorkspace(db);
    const other = await seedWorkspace(db);
    const hidden = await createInitiative(db, other.ctx, other.workspace.id, {
      name: 'Hidden',
      descriptionHtml: '',
    });
    const before = await snapshot(db, 'features');
    const fields = await refusal(
      createFeature(db, ctx, workspace.id, {
        ...featureInput(other.release),
        initiativeId: hidden.id,
        assigneeId: stranger.id,
      }),
    );
    expect(fields.map((f) => f.path).sort()).toEqual(['assigneeId', 'initiativeId', 'releaseId']);
    expect(await snapshot(db, 'features')).toEqual(before);
  });

  it('links an initiative of another workspace the actor belongs to', async () => {
    const db = handle();
    const { workspace, ctx, release, owner } = await seedWorkspace(db);
    const platform = await seedWorkspace(db);
    const { workspacesRepository } = await import('@tandem/storage');
    await workspacesRepository(db.db).addMember(platform.workspace.id, owner.id, 'viewer');
    const initiative = await createInitiative(db, platform.ctx, platform.workspace.id, {
      name: 'Reliability',
      descriptionHtml: '',
    });
    const f = await createFeature(
      db,
      ctx,
      workspace.id,
      featureInput(release, { initiativeId: initiative.id }),
    );
    expect(f.initiativeId).toBe(initiative.id);
  });

  it('enforces a required custom field on create and on edit, and checks select options', async () => {
    const db = handle();
    const { workspace, ctx, release } = await seedWorkspace(db);
    const f = await createFeature(db, ctx, workspace.id, featureInput(release));
    await createCustomField(db, ctx, workspace.id, {
      recordType: 'feature',
      key: 'segment',
      label: 'Customer segment',
      type: 'select',
      options: ['SMB', 'Enterprise'],
      required: true,
    });
    const before = await snapshot(db, 'features');

    const missing = await refusal(createFeature(db, ctx, workspace.id, featureInput(release)));
    expect(missing).toEqual([
      { path: 'customFields.segment', message: 'Customer segment is required' },
    ]);
    const wrong = await refusal(
      createFeature(
        db,
        ctx,
        workspace.id,
        featureInput(release, { customFields: { segment: 'Gov', nope: 1 } }),
      ),
    );
    expect(wrong.map((w) => w.path).sort()).toEqual(['customFields.nope', 'customFields.segment']);
    // An existing feature without the value cannot be edited until it gets one.
    const edit = await refusal(
      updateFeature(db, ctx, workspace.id, f.id, { version: f.version, name: 'Renamed' }),
    );
    expect(edit).toEqual([
      { path: 'customFields.segment', message: 'Customer segment is required' },
    ]);
    expect(await snapshot(db, 'features')).toEqual(before);
    expect((await findFeature(db.db, f.id))?.name).toBe('Offline sync');

    const ok = await updateFeature(db, ctx, workspace.id, f.id, {
      version: f.version,
      name: 'Renamed',
      customFields: { segment: 'Enterprise' },
    });
    expect(ok).toMatchObject({
      name: 'Renamed',
      customFields: { segment: 'Enterprise' },
      version: 2,
    });
    const cleared = await refusal(
      updateFeature(db, ctx, workspace.id, f.id, { version: 2, customFields: { segment: null } }),
    );
    expect(cleared[0]?.path).toBe('customFields.segment');
  });

  it('refuses a stale version with the current record and writes nothing', async () => {
    const db = handle();
    const { workspace, ctx, release } = await seedWorkspace(db);
    const f = await createFeature(db, ctx, workspace.id, featureInput(release));
    const moved = await updateFeature(db, ctx, workspace.id, f.id, { version: 1, name: 'Theirs' });
    const before = await snapshot(db, 'features');
    const error = await updateFeature(db, ctx, workspace.id, f.id, {
      version: 1,
      name: 'Mine',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleVersionError);
    expect((error as StaleVersionError).currentVersion).toBe(2);
    expect((error as StaleVersionError).current).toEqual(moved);
    expect(await snapshot(db, 'features')).toEqual(before);
  });

  it('lets exactly one of two concurrent edits of the same version win', async () => {
    const db = handle();
    const { workspace, ctx, release } = await seedWorkspace(db);
    const f = await createFeature(db, ctx, workspace.id, featureInput(release));
    const results = await Promise.allSettled(
      ['Left', 'Right'].map((name) =>
        updateFeature(db, ctx, workspace.id, f.id, { version: 1, name }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(StaleVersionError);
    expect((await findFeature(db.db, f.id))?.version).toBe(2);
  });

  it('records only the fields that changed, and nothing for an edit that changes nothing', async () => {
    const db = handle();
    const { workspace, ctx, release, statuses } = await seedWorkspace(db);
    const next = await createRelease(db, ctx, workspace.id, { name: 'Next', parkingLot: false });
    const f = await createFeature(db, ctx, workspace.id, featureInput(release));
    const { seq } = await snapshot(db, 'features');
    const g = await updateFeature(db, ctx, workspace.id, f.id, {
      version: 1,
      name: f.name,
      statusId: statuses.feature[2]!.id,
      releaseId: next.id,
      tags: ['a'],
    });
    const [event, ...rest] = await eventsSince(db, seq);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ action: 'update', recordVersion: 2 });
    expect(event!.changes).toEqual({
      statusId: { old: f.statusId, new: statuses.feature[2]!.id },
      releaseId: { old: release.id, new: next.id },
      tags: { old: [], new: ['a'] },
    });
    const same = await updateFeature(db, ctx, workspace.id, f.id, {
      version: g.version,
      name: g.name,
    });
    expect(same.version).toBe(g.version);
    expect(await eventsSince(db, event!.seq)).toEqual([]);
  });

  it('returns the detail with requirements and attachments', async () => {
    const db = handle();
    const { workspace, ctx, release } = await seedWorkspace(db);
    const f = await createFeature(db, ctx, workspace.id, featureInput(release));
    const detail = await getFeatureDetail(db.db, workspace.id, f.id);
    expect(detail).toMatchObject({ id: f.id, requirements: [], attachments: [] });
  });
});
