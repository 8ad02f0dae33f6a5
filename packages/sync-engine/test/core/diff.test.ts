import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRecord, isEmptyPlan, localChanges, snapshotAfterSync } from '../../src/core/diff.ts';
import type { RemoteRecordSnapshot } from '../../src/core/types.ts';
import { featureMapping, mapping, record, snapshot } from './builders.ts';

const remote = (fields: RemoteRecordSnapshot['fields']): RemoteRecordSnapshot => ({
  id: '900',
  formattedId: 'F900',
  type: 'PortfolioItem/Feature',
  fields,
  version: '2',
});

const m = mapping({
  roadmapKind: 'feature',
  remoteType: 'PortfolioItem/Feature',
  fields: [
    { roadmapField: 'name', remoteField: 'Name', direction: 'both' },
    { roadmapField: 'description', remoteField: 'Description', direction: 'to_remote' },
    { roadmapField: 'custom:points', remoteField: 'Points', direction: 'from_remote' },
    { roadmapField: 'score', remoteField: 'Score', direction: 'set_once' },
  ],
});
const base = snapshot(
  { name: 'A', description: '<p>d</p>', 'custom:points': 3, score: 1 },
  { Name: 'A', Description: '<p>d</p>', Points: 3, Score: 1 },
);
const feature = (o: { name?: string; html?: string; points?: number; score?: number } = {}) =>
  record('feature', 'f1', {
    name: o.name ?? 'A',
    descriptionHtml: o.html ?? '<p>d</p>',
    custom: { points: o.points ?? 3 },
    score: o.score ?? 1,
  });
const rallyNow = (
  o: Partial<Record<'Name' | 'Description' | 'Points' | 'Score', string | number>> = {},
) => remote({ Name: 'A', Description: '<p>d</p>', Points: 3, Score: 1, ...o });

describe('diffRecord', () => {
  it.each([
    ['nothing changed', feature(), rallyNow(), [], {}, []],
    ['roadmap name changed → update out', feature({ name: 'B' }), rallyNow(), ['name'], {}, []],
    ['Rally name changed → change in', feature(), rallyNow({ Name: 'C' }), [], { name: 'C' }, []],
    [
      'both changed name differently → conflict',
      feature({ name: 'B' }),
      rallyNow({ Name: 'C' }),
      [],
      {},
      ['name'],
    ],
    [
      'both changed name to the same value → nothing',
      feature({ name: 'B' }),
      rallyNow({ Name: 'B' }),
      [],
      {},
      [],
    ],
    [
      'to_remote: a Rally edit is ignored',
      feature(),
      rallyNow({ Description: '<p>x</p>' }),
      [],
      {},
      [],
    ],
    [
      'to_remote: a roadmap edit goes out even over a Rally edit',
      feature({ html: '<p>y</p>' }),
      rallyNow({ Description: '<p>x</p>' }),
      ['description'],
      {},
      [],
    ],
    ['from_remote: a roadmap edit is not sent', feature({ points: 8 }), rallyNow(), [], {}, []],
    [
      'from_remote: a Rally edit comes in',
      feature(),
      rallyNow({ Points: 5 }),
      [],
      { 'custom:points': 5 },
      [],
    ],
    [
      'set_once: never on update, either way',
      feature({ score: 9 }),
      rallyNow({ Score: 7 }),
      [],
      {},
      [],
    ],
  ] as const)('%s', (_name, rec, rem, outgoing, incoming, conflicts) => {
    const plan = diffRecord({ record: rec, mapping: m, snapshot: base, remote: rem });
    expect(plan.outgoing).toEqual(outgoing);
    expect(plan.incoming).toEqual(incoming);
    expect(plan.conflicts.map((c) => c.roadmapField)).toEqual(conflicts);
  });

  it('carries the mapped payload and the details of a conflict', () => {
    const out = diffRecord({
      record: feature({ name: 'B', html: '<p>n</p>' }),
      mapping: m,
      snapshot: base,
    });
    expect(out.payload).toEqual({ Name: 'B', Description: '<p>n</p>' });
    const clash = diffRecord({
      record: feature({ name: 'B' }),
      mapping: m,
      snapshot: base,
      remote: rallyNow({ Name: 'C' }),
    });
    expect(clash.conflicts).toEqual([
      {
        roadmapField: 'name',
        remoteField: 'Name',
        base: { roadmap: 'A', remote: 'A' },
        ours: 'B',
        theirs: 'C',
      },
    ]);
  });

  it('without a snapshot sends every outgoing field that differs from the remote', () => {
    const plan = diffRecord({
      record: feature({ name: 'B' }),
      mapping: m,
      snapshot: null,
      remote: rallyNow({ Points: 4 }),
    });
    expect(plan.outgoing).toEqual(['name']);
    expect(plan.incoming).toEqual({ 'custom:points': 4 });
    expect(localChanges(feature(), m, null)).toEqual(['name', 'description']);
  });

  it('compares relationship links like fields', () => {
    const f = record('feature', 'f1', { name: 'A', releaseId: 'r2' });
    const snap = snapshot({ name: 'A', release: 'r1' }, { Name: 'A', Release: '/release/1' });
    const plan = diffRecord({
      record: f,
      mapping: featureMapping,
      snapshot: snap,
      resolveParent: (p) => ({
        remoteId: '2',
        ref: `/release/${p.id.slice(1)}`,
        formattedId: null,
        url: null,
        remoteType: 'Release',
      }),
    });
    expect(plan.outgoing).toEqual(['release']);
    expect(plan.payload).toEqual({ Release: '/release/2' });
  });
});

describe('diff properties', () => {
  const value = fc.constantFrom('A', 'B', 'C');
  it('a record diffed against the snapshot taken right after a sync is an empty plan', () => {
    fc.assert(
      fc.property(value, fc.string(), fc.nat(9), (name, html, points) => {
        const rec = feature({ name, html, points });
        const rem = rallyNow({ Name: name, Description: html, Points: points });
        const snap = snapshotAfterSync(rec, rem, m, new Date('2026-01-01T00:00:00Z'));
        expect(
          isEmptyPlan(diffRecord({ record: rec, mapping: m, snapshot: snap, remote: rem })),
        ).toBe(true);
      }),
    );
  });

  it('a two-way field is a conflict exactly when both sides moved to different values', () => {
    fc.assert(
      fc.property(value, value, value, (baseName, ours, theirs) => {
        const snap = snapshot({ name: baseName }, { Name: baseName });
        const plan = diffRecord({
          record: feature({ name: ours }),
          mapping: m,
          snapshot: snap,
          remote: rallyNow({ Name: theirs }),
        });
        const conflict = ours !== baseName && theirs !== baseName && ours !== theirs;
        expect(plan.conflicts.length > 0).toBe(conflict);
        if (conflict) {
          expect(plan.outgoing).not.toContain('name');
          expect(plan.incoming).not.toHaveProperty('name');
        }
      }),
    );
  });
});
