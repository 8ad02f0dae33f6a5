import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordMapping } from '../../src/core/config.ts';
import { snapshotAfterSync } from '../../src/core/diff.ts';
import { planIncoming, snapshotAfterIncoming, snapshotAfterSend } from '../../src/core/incoming.ts';
import type { RemoteRecordSnapshot, RoadmapRecord } from '../../src/core/types.ts';
import type { RoadmapFieldChanges } from '../../src/core/values.ts';
import { mapping, record } from './builders.ts';

/** Name and description both ways, status from Rally (two states → one status), a score out only. */
const m: RecordMapping = mapping({
  roadmapKind: 'feature',
  remoteType: 'PortfolioItem/Feature',
  fields: [
    { roadmapField: 'name', remoteField: 'Name', direction: 'both' },
    { roadmapField: 'description', remoteField: 'Description', direction: 'both' },
    { roadmapField: 'status', remoteField: 'State', direction: 'from_remote' },
    { roadmapField: 'score', remoteField: 'Score', direction: 'to_remote' },
    {
      roadmapField: 'custom:risk',
      remoteField: 'c_Risk',
      direction: 'both',
      valueMap: [
        { roadmap: 'low', remote: 'Low risk' },
        { roadmap: 'high', remote: 'High risk' },
      ],
    },
  ],
  status: {
    remoteField: 'State',
    groups: [
      { roadmapStatusId: 's-new', remoteStates: ['Discovering'] },
      { roadmapStatusId: 's-dev', remoteStates: ['Developing', 'Measuring'] },
      { roadmapStatusId: 's-done', remoteStates: ['Done'] },
    ],
  },
});

type Local = { name: string; html: string; status: string; score: number; risk: string };
const feature = (o: Partial<Local> = {}, version = 1): RoadmapRecord => ({
  ...record('feature', 'f1', {
    name: o.name ?? 'A',
    descriptionHtml: o.html ?? '<p>d</p>',
    statusId: o.status ?? 's-new',
    score: o.score ?? 1,
    custom: { risk: o.risk ?? 'low' },
  }),
  version,
});
const rally = (o: Record<string, string | number | null> = {}): RemoteRecordSnapshot => ({
  id: '900',
  formattedId: 'F900',
  type: 'PortfolioItem/Feature',
  fields: {
    Name: 'A',
    Description: '<p>d</p>',
    State: 'Discovering',
    Score: 1,
    c_Risk: 'Low risk',
    ...o,
  },
  version: '7',
});
const NOW = new Date('2026-03-01T10:00:00Z');
const base = snapshotAfterSync(feature(), rally(), m, new Date('2026-01-01T00:00:00Z'));

/** The roadmap record with changes written, as the runner's applyLocal would leave it. */
function applied(r: RoadmapRecord, changes: RoadmapFieldChanges): RoadmapRecord {
  const f = { ...r.fields, custom: { ...r.fields.custom } };
  for (const [k, v] of Object.entries(changes)) {
    if (k === 'name') f.name = String(v);
    else if (k === 'description') f.descriptionHtml = String(v);
    else if (k === 'status') f.statusId = v as string;
    else if (k.startsWith('custom:')) f.custom[k.slice(7)] = v ?? null;
  }
  return { ...r, fields: f, version: r.version + 1 };
}

describe('planIncoming', () => {
  it('brings in what only Rally changed: name, description, and the state through the mapping', () => {
    const plan = planIncoming({
      record: feature(),
      mapping: m,
      snapshot: base,
      remote: rally({ Name: 'B', Description: '<p>new</p>', State: 'Measuring' }),
    });
    expect(plan).toEqual({
      changes: { name: 'B', description: '<p>new</p>', status: 's-dev' },
      conflict: null,
      issues: [],
    });
  });

  it('maps two Rally states to one roadmap status, and changes nothing between them', () => {
    const developing = feature({ status: 's-dev' });
    const synced = snapshotAfterSync(developing, rally({ State: 'Developing' }), m, NOW);
    const plan = planIncoming({
      record: developing,
      mapping: m,
      snapshot: synced,
      remote: rally({ State: 'Measuring' }),
    });
    expect(plan.changes).toEqual({});
  });

  it('never brings in a field mapped to Rally only', () => {
    const plan = planIncoming({
      record: feature(),
      mapping: m,
      snapshot: base,
      remote: rally({ Score: 8 }),
    });
    expect(plan.changes).toEqual({});
  });

  it('translates enumerations through the value map; an unmapped value is an issue, not a write', () => {
    expect(
      planIncoming({
        record: feature(),
        mapping: m,
        snapshot: base,
        remote: rally({ c_Risk: 'High risk' }),
      }).changes,
    ).toEqual({ 'custom:risk': 'high' });
    const unmapped = planIncoming({
      record: feature(),
      mapping: m,
      snapshot: base,
      remote: rally({ c_Risk: 'Extreme', State: 'Accepted' }),
    });
    expect(unmapped.changes).toEqual({});
    expect(unmapped.issues.map((i) => i.code).sort()).toEqual([
      'unmapped_status',
      'unmapped_value',
    ]);
  });

  it('makes both sides changing one field a conflict, with Rally’s value as theirs', () => {
    const plan = planIncoming({
      record: feature({ name: 'Ours' }),
      mapping: m,
      snapshot: base,
      remote: rally({ Name: 'Theirs', Description: '<p>only theirs</p>' }),
    });
    expect(plan).toEqual({
      changes: { description: '<p>only theirs</p>' },
      conflict: { fields: ['name'], theirs: { name: 'Theirs' } },
      issues: [],
    });
  });

  it('is no conflict when both sides made the same change', () => {
    const plan = planIncoming({
      record: feature({ name: 'Same', risk: 'high' }),
      mapping: m,
      snapshot: base,
      remote: rally({ Name: 'Same', c_Risk: 'High risk' }),
    });
    expect(plan).toEqual({ changes: {}, conflict: null, issues: [] });
  });

  it('is no conflict when a two-way status and Rally’s state mean the same (second state of a group)', () => {
    const twoWay: RecordMapping = {
      ...m,
      fields: m.fields.map((f) =>
        f.roadmapField === 'status' ? { ...f, direction: 'both' as const } : f,
      ),
    };
    const plan = planIncoming({
      record: feature({ status: 's-dev' }),
      mapping: twoWay,
      snapshot: base,
      remote: rally({ State: 'Measuring' }),
    });
    expect(plan).toEqual({ changes: {}, conflict: null, issues: [] });
  });

  it('leaves a roadmap-only change for the next send', () => {
    const plan = planIncoming({
      record: feature({ name: 'Ours' }),
      mapping: m,
      snapshot: base,
      remote: rally(),
    });
    expect(plan).toEqual({ changes: {}, conflict: null, issues: [] });
  });
});

describe('snapshotAfterIncoming', () => {
  it('takes what was applied and what agrees; a conflict keeps the roadmap side at its base', () => {
    const local = feature({ name: 'Ours', risk: 'high' });
    const remote = rally({ Name: 'Theirs', State: 'Done', c_Risk: 'High risk' });
    const after = applied(local, { status: 's-done' });
    const next = snapshotAfterIncoming({
      snapshot: base,
      record: after,
      remote,
      mapping: m,
      applied: ['status'],
      conflicted: ['name'],
      now: NOW,
    });
    expect(next?.roadmap).toMatchObject({ name: 'A', status: 's-done', 'custom:risk': 'high' });
    expect(next?.remote).toMatchObject({ Name: 'Theirs', State: 'Done', c_Risk: 'High risk' });
    expect(next).toMatchObject({
      roadmapVersion: 2,
      remoteVersion: '7',
      syncedAt: NOW.toISOString(),
    });
  });

  it('keeps the conflict visible and hears a later Rally edit of the same field again', () => {
    const local = feature({ name: 'Ours' });
    const next = snapshotAfterIncoming({
      snapshot: base,
      record: local,
      remote: rally({ Name: 'Theirs' }),
      mapping: m,
      applied: [],
      conflicted: ['name'],
      now: NOW,
    });
    const same = planIncoming({
      record: local,
      mapping: m,
      snapshot: next,
      remote: rally({ Name: 'Theirs' }),
    });
    expect(same).toEqual({ changes: {}, conflict: null, issues: [] });
    const later = planIncoming({
      record: local,
      mapping: m,
      snapshot: next,
      remote: rally({ Name: 'Theirs 2' }),
    });
    expect(later.conflict).toEqual({ fields: ['name'], theirs: { name: 'Theirs 2' } });
  });

  it('stores nothing for a link never synced', () => {
    expect(
      snapshotAfterIncoming({
        snapshot: null,
        record: feature(),
        remote: rally(),
        mapping: m,
        applied: [],
        conflicted: [],
        now: NOW,
      }),
    ).toBeNull();
  });

  it('property: once applied, the same remote record brings nothing in again (no double apply)', () => {
    const name = fc.constantFrom('A', 'B', 'C');
    const state = fc.constantFrom('Discovering', 'Developing', 'Measuring', 'Done');
    const risk = fc.constantFrom('Low risk', 'High risk');
    fc.assert(
      fc.property(name, name, state, risk, (localName, remoteName, remoteState, remoteRisk) => {
        const local = feature({ name: localName });
        const remote = rally({ Name: remoteName, State: remoteState, c_Risk: remoteRisk });
        const plan = planIncoming({ record: local, mapping: m, snapshot: base, remote });
        const after = applied(local, plan.changes);
        const next = snapshotAfterIncoming({
          snapshot: base,
          record: after,
          remote,
          mapping: m,
          applied: Object.keys(plan.changes) as never,
          conflicted: plan.conflict?.fields ?? [],
          now: NOW,
        });
        const again = planIncoming({ record: after, mapping: m, snapshot: next, remote });
        expect(again.changes).toEqual({});
        expect(again.conflict).toBeNull();
      }),
    );
  });
});

describe('snapshotAfterSend', () => {
  it('takes only the fields sent; a Rally edit of another field stays a change to bring in', () => {
    const local = feature({ name: 'Sent' });
    const answer = rally({ Name: 'Sent', Description: '<p>edited in Rally meanwhile</p>' });
    const fresh = snapshotAfterSync(local, answer, m, NOW);
    const next = snapshotAfterSend(base, fresh, m, ['name']);
    expect(next.roadmap).toMatchObject({ name: 'Sent', description: '<p>d</p>' });
    expect(next.remote).toMatchObject({ Name: 'Sent', Description: '<p>d</p>' });
    expect(
      planIncoming({ record: local, mapping: m, snapshot: next, remote: answer }).changes,
    ).toEqual({
      description: '<p>edited in Rally meanwhile</p>',
    });
  });

  it('is the fresh snapshot when none was stored', () => {
    const fresh = snapshotAfterSync(feature(), rally(), m, NOW);
    expect(snapshotAfterSend(null, fresh, m, ['name'])).toBe(fresh);
  });
});
