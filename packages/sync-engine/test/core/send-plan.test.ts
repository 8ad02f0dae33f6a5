import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dryRun } from '../../src/core/dry-run.ts';
import { type PlanStep, planSend, type SendPlanInput } from '../../src/core/send-plan.ts';
import type { IntegrationLink, RoadmapRecord } from '../../src/core/types.ts';
import { link, rallyConfig, record, snapshot, strategyConfig } from './builders.ts';

const release = record('release', 'r1', { name: 'Summer' });
const initiative = record('initiative', 'i1', { name: 'Grow' }, 'ws-strategy');
const f1 = record('feature', 'f1', { releaseId: 'r1', initiativeId: 'i1', rank: 2 });
const f2 = record('feature', 'f2', { releaseId: 'r1', initiativeId: 'i1', rank: 1 });
const req = (id: string, feature: string, rank: number) =>
  record('requirement', id, { parentFeatureId: feature, rank });
const world: RoadmapRecord[] = [
  release,
  initiative,
  f1,
  f2,
  req('q2', 'f1', 2),
  req('q1', 'f1', 1),
  req('q3', 'f2', 1),
];

const plan = (over: Partial<SendPlanInput> = {}) =>
  planSend({
    integration: rallyConfig,
    peers: [strategyConfig],
    selection: { featureIds: ['f1'] },
    records: world,
    links: [],
    ...over,
  });

const show = (steps: readonly PlanStep[]) =>
  steps.map((s) =>
    s.action === 'link'
      ? `link ${s.record.id} → ${s.parent.id} via ${s.remoteField} (${s.record.integrationId})`
      : `${s.action} ${s.record.kind} ${s.record.id} (${s.record.integrationId})${s.action === 'create' && s.parent ? ` under ${s.parent.id}` : ''}${s.action === 'update' ? ` [${s.fields.join(', ')}]` : ''}`,
  );

describe('send plan order', () => {
  it('release → feature → requirements → linked initiative → links', () => {
    expect(show(plan().steps)).toEqual([
      'create release r1 (int-1)',
      'create feature f1 (int-1)',
      'create requirement q1 (int-1) under f1',
      'create requirement q2 (int-1) under f1',
      'create initiative i1 (int-2)',
      'link f1 → i1 via Parent (int-1)',
    ]);
  });

  it('dedupes a release and an initiative shared by many selected features', () => {
    expect(show(plan({ selection: { featureIds: ['f1', 'f2', 'f1'] } }).steps)).toEqual([
      'create release r1 (int-1)',
      'create feature f1 (int-1)',
      'create requirement q1 (int-1) under f1',
      'create requirement q2 (int-1) under f1',
      'create feature f2 (int-1)',
      'create requirement q3 (int-1) under f2',
      'create initiative i1 (int-2)',
      'link f1 → i1 via Parent (int-1)',
      'link f2 → i1 via Parent (int-1)',
    ]);
  });

  it('a selected release sends itself, then its features by rank', () => {
    expect(show(plan({ selection: { releaseIds: ['r1'] } }).steps).slice(0, 4)).toEqual([
      'create release r1 (int-1)',
      'create feature f2 (int-1)',
      'create requirement q3 (int-1) under f2',
      'create feature f1 (int-1)',
    ]);
  });
});

describe('send plan with existing links', () => {
  const synced = (rec: RoadmapRecord) =>
    link('int-1', rec, `9${rec.id}`, {
      lastSyncedSnapshot: snapshot({
        name: rec.fields.name,
        release: rec.fields.releaseId,
        initiative: rec.fields.initiativeId,
        description: '',
        status: null,
        score: null,
        parentFeature: rec.fields.parentFeatureId,
      }),
    });

  it('skips linked records that did not change and updates those that did', () => {
    const renamed = { ...f1, fields: { ...f1.fields, name: 'Renamed' } };
    const links: IntegrationLink[] = [
      synced(release),
      { ...synced(f1) },
      synced(req('q1', 'f1', 1)),
      link('int-2', initiative, '9i1', { lastSyncedSnapshot: snapshot({ name: 'Grow' }) }),
    ];
    const p = plan({ records: world.map((r) => (r.id === 'f1' ? renamed : r)), links });
    expect(show(p.steps)).toEqual([
      'update feature f1 (int-1) [name]',
      'create requirement q2 (int-1) under f1',
    ]);
    expect(p.skipped.map((s) => `${s.record.id} ${s.reason}`)).toEqual(['q1 up_to_date']);
  });

  it('links an already-linked feature to a release created in this send', () => {
    const p = plan({ links: [synced(f1)], selection: { featureIds: ['f1'] } });
    expect(show(p.steps)).toContain('link f1 → r1 via Release (int-1)');
    expect(show(p.steps)[0]).toBe('create release r1 (int-1)');
  });

  it('never plans a second create for a record whose create is in flight', () => {
    const p = plan({ links: [link('int-1', f1, null, { pendingCreateToken: 'tok-1' })] });
    expect(show(p.steps)).not.toContain('create feature f1 (int-1)');
    expect(p.skipped).toContainEqual({
      record: { kind: 'feature', id: 'f1', referenceNum: 'F1' },
      integrationId: 'int-1',
      reason: 'create_pending',
    });
  });

  it('leaves out an initiative whose workspace has no integration from the same template', () => {
    const p = plan({ peers: [{ ...strategyConfig, templateId: 'other' }] });
    expect(show(p.steps)).not.toContain('create initiative i1 (int-2)');
    expect(p.skipped.map((s) => `${s.record.id} ${s.reason}`)).toEqual([
      'i1 no_template_integration',
    ]);
    expect(p.warnings.map((w) => w.message)).toEqual([
      'F1: its initiative is not linked and is not part of this send, so it will not be attached',
    ]);
  });
});

describe('send plan across workspaces', () => {
  const foreignRelease = record('release', 'rx', { name: 'Their release' }, 'ws-other');
  const foreignFeature = record('feature', 'fx', { releaseId: 'rx', rank: 1 }, 'ws-other');

  it("never creates another workspace's release named in the selection", () => {
    const p = plan({
      selection: { releaseIds: ['rx'] },
      records: [...world, foreignRelease, foreignFeature],
    });
    expect(p.steps).toEqual([]);
    expect(p.skipped.map((s) => `${s.record.id} ${s.reason}`).sort()).toEqual([
      'fx outside_workspace',
      'rx outside_workspace',
    ]);
  });

  it("never creates another workspace's release a feature points at", () => {
    const stray = { ...f1, fields: { ...f1.fields, releaseId: 'rx' } };
    const p = plan({ records: [...world.filter((r) => r.id !== 'f1'), stray, foreignRelease] });
    expect(show(p.steps)).not.toContain('create release rx (int-1)');
    expect(p.skipped.map((s) => `${s.record.id} ${s.reason}`)).toContain('rx outside_workspace');
  });

  it('sends a record of a workspace without a peer integration through nobody', () => {
    fc.assert(
      fc.property(fc.constantFrom('ws-other', 'ws-strategy', 'ws-prod'), (workspaceId) => {
        const records = world.map((r) => ({ ...r, workspaceId }));
        const p = plan({ records, peers: [] });
        for (const step of p.steps) {
          const rec = records.find((r) => r.id === step.record.id)!;
          expect(rec.workspaceId).toBe(rallyConfig.workspaceId);
        }
      }),
    );
  });
});

describe('dry run', () => {
  it('counts per kind and action, and blocks when a required remote field would be empty', () => {
    const p = plan({
      selection: { featureIds: ['f1', 'f2'] },
      remoteTypes: [
        {
          type: 'HierarchicalRequirement',
          fields: [{ name: 'c_Team', label: 'Team', required: true }],
        },
      ],
    });
    const summary = dryRun(p);
    expect(summary.counts.feature).toEqual({ create: 2, update: 0, link: 2, skip: 0 });
    expect(summary.counts.requirement).toEqual({ create: 3, update: 0, link: 0, skip: 0 });
    expect(summary.remoteWrites).toBe(9);
    expect(summary.summary).toBe(
      'Create 1 release, 1 initiative, 2 features and 3 requirements; link 2 features',
    );
    expect(summary.blocked).toBe(true);
    expect(summary.warnings[0]?.message).toBe(
      'Q1 has no value for "Team", which HierarchicalRequirement requires',
    );
  });

  it('says so when there is nothing to send', () => {
    expect(dryRun(plan({ selection: {} })).summary).toBe('Nothing to send');
  });
});

describe('send plan properties', () => {
  const arbitraryWorld = fc
    .record({
      features: fc.array(
        fc.record({
          release: fc.option(fc.constantFrom('r0', 'r1'), { nil: null }),
          initiative: fc.option(fc.constantFrom('i0', 'i1'), { nil: null }),
          rank: fc.nat(9),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      requirements: fc.array(fc.record({ feature: fc.nat(5), rank: fc.nat(9) }), { maxLength: 8 }),
      initiativeWorkspaces: fc.tuple(
        fc.constantFrom('ws-prod', 'ws-strategy', 'ws-other'),
        fc.constantFrom('ws-prod', 'ws-strategy', 'ws-other'),
      ),
      linkStates: fc.array(fc.constantFrom('none', 'linked', 'pending'), {
        minLength: 20,
        maxLength: 20,
      }),
      selected: fc.array(fc.nat(5), { maxLength: 8 }),
      selectedReleases: fc.subarray(['r0', 'r1']),
    })
    .map((w) => {
      const records: RoadmapRecord[] = [
        record('release', 'r0'),
        record('release', 'r1'),
        record('initiative', 'i0', {}, w.initiativeWorkspaces[0]),
        record('initiative', 'i1', {}, w.initiativeWorkspaces[1]),
        ...w.features.map((f, i) =>
          record('feature', `f${i}`, {
            releaseId: f.release,
            initiativeId: f.initiative,
            rank: f.rank,
          }),
        ),
        ...w.requirements.map((q, i) => req(`q${i}`, `f${q.feature % w.features.length}`, q.rank)),
      ];
      const links = records.flatMap((r, i): IntegrationLink[] => {
        const state = w.linkStates[i % 20];
        const integrationId = r.workspaceId === 'ws-strategy' ? 'int-2' : 'int-1';
        if (state === 'linked') return [link(integrationId, r, `9${r.id}`)];
        if (state === 'pending')
          return [link(integrationId, r, null, { pendingCreateToken: `t-${r.id}` })];
        return [];
      });
      return {
        records,
        links,
        selection: {
          featureIds: w.selected.map((i) => `f${i % w.features.length}`),
          releaseIds: w.selectedReleases,
        },
      };
    });

  it('is deterministic, creates each record at most once, never re-creates a linked or pending record, and creates parents first', () => {
    fc.assert(
      fc.property(arbitraryWorld, (w) => {
        const input = { integration: rallyConfig, peers: [strategyConfig], ...w };
        const p = planSend(input);
        expect(planSend(input)).toEqual(p);
        const creates = p.steps.filter((s) => s.action === 'create');
        expect(new Set(creates.map((s) => s.record.id)).size).toBe(creates.length);
        const linkedOrPending = new Set(w.links.map((l) => l.recordId));
        for (const c of creates) expect(linkedOrPending.has(c.record.id)).toBe(false);
        const at = (id: string) =>
          p.steps.findIndex((s) => s.action === 'create' && s.record.id === id);
        const byId = new Map(w.records.map((r) => [r.id, r]));
        for (const c of creates) {
          const r = byId.get(c.record.id)!;
          if (r.kind === 'feature' && r.fields.releaseId && at(r.fields.releaseId) >= 0)
            expect(at(r.fields.releaseId)).toBeLessThan(at(r.id));
          if (r.kind === 'requirement')
            expect(at(r.fields.parentFeatureId!)).toBeLessThan(at(r.id));
        }
        const firstLink = p.steps.findIndex((s) => s.action === 'link');
        if (firstLink >= 0)
          expect(p.steps.slice(firstLink).every((s) => s.action === 'link')).toBe(true);
      }),
    );
  });
});
