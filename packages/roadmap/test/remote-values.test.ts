import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import {
  applyRemoteValues,
  createCustomField,
  createFeature,
  importFeature,
  importRequirement,
  integrationContext,
  lastEventSeq,
  listEvents,
  runWrite,
} from '../src/index.ts';
import { featureInput, seedWorkspace } from './support/fixtures.ts';

describeEachDialect('values brought in from a remote system', (handle) => {
  it('writes what the roadmap can hold in one event with the integration’s origin, and refuses the rest', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const f = await createFeature(db, s.ctx, s.workspace.id, featureInput(s.release));
    const rally = integrationContext('rally-1', s.ctx.now);
    const seq = await lastEventSeq(db.db);
    const result = await runWrite(db, rally, (tx) =>
      applyRemoteValues(tx, s.workspace.id, 'feature', f.id, {
        name: '  Offline sync v2 ',
        descriptionHtml: '<p onclick="x()">From Rally<script>x()</script></p>',
        statusId: s.statuses.feature[2]!.id,
        releaseId: 'not-a-release',
      }),
    );
    expect(result.applied.sort()).toEqual(['descriptionHtml', 'name', 'statusId']);
    expect(result.refused).toEqual([
      { key: 'releaseId', message: 'The release is not in this workspace' },
    ]);
    const events = await listEvents(db.db, { afterSeq: seq, recordId: f.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ origin: 'integration:rally-1', actorId: null });
    expect(events[0]!.changes).toMatchObject({
      name: { old: 'Offline sync', new: 'Offline sync v2' },
      descriptionHtml: { new: '<p>From Rally</p>' },
    });

    // The same values again write nothing and emit nothing.
    const again = await runWrite(db, rally, (tx) =>
      applyRemoteValues(tx, s.workspace.id, 'feature', f.id, { name: 'Offline sync v2' }),
    );
    expect(again.version).toBe(result.version);
    expect(await listEvents(db.db, { afterSeq: seq, recordId: f.id })).toHaveLength(1);
  });

  it('refuses a status of another workflow and an empty name, and never demands required custom fields', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const f = await createFeature(db, s.ctx, s.workspace.id, featureInput(s.release));
    await createCustomField(db, s.ctx, s.workspace.id, {
      recordType: 'feature',
      key: 'team',
      label: 'Team',
      type: 'text',
      options: [],
      required: true,
    });
    const result = await runWrite(db, integrationContext('rally-1', s.ctx.now), (tx) =>
      applyRemoteValues(tx, s.workspace.id, 'feature', f.id, {
        name: '   ',
        statusId: s.statuses.requirement[0]!.id,
        tags: ['ios', 'IOS', ' web '],
      }),
    );
    expect(result.applied).toEqual(['tags']);
    expect(result.refused.map((r) => r.key)).toEqual(['name', 'statusId']);
  });

  it("writes nothing to a record of another workspace than the integration's", async () => {
    const db = handle();
    const mine = await seedWorkspace(db);
    const theirs = await seedWorkspace(db);
    const f = await createFeature(
      db,
      theirs.ctx,
      theirs.workspace.id,
      featureInput(theirs.release),
    );
    const seq = await lastEventSeq(db.db);
    const result = await runWrite(db, integrationContext('rally-1', mine.ctx.now), (tx) =>
      applyRemoteValues(tx, mine.workspace.id, 'feature', f.id, { name: 'Taken over' }),
    );
    expect(result).toMatchObject({ applied: [], version: null, workspaceId: null });
    expect(result.refused[0]?.message).toMatch(/another workspace/);
    expect(await listEvents(db.db, { afterSeq: seq, recordId: f.id })).toHaveLength(0);
  });

  it('imports a feature and a requirement under it, last in order, with the default status when none maps', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const rally = integrationContext('rally-1', s.ctx.now);
    const { feature, requirement } = await runWrite(db, rally, async (tx) => {
      const feature = await importFeature(tx, s.workspace.id, {
        name: 'From Rally',
        releaseId: s.release.id,
        statusId: 'unknown',
      });
      const requirement = await importRequirement(tx, s.workspace.id, feature.row.id, {
        name: 'Story from Rally',
        featureId: 'ignored',
        descriptionHtml: '<p>ok</p>',
      });
      return { feature, requirement };
    });
    expect(feature.row).toMatchObject({
      name: 'From Rally',
      release_id: s.release.id,
      status_id: s.statuses.feature[0]!.id,
      created_by: null,
    });
    expect(feature.refused.map((r) => r.key)).toEqual(['statusId']);
    expect(requirement.row).toMatchObject({
      feature_id: feature.row.id,
      reference_num: `${feature.row.reference_num}-1`,
      status_id: s.statuses.requirement[0]!.id,
    });
    const events = await listEvents(db.db, { recordId: requirement.row.id });
    expect(events.map((e) => [e.action, e.origin])).toEqual([['create', 'integration:rally-1']]);
  });
});
