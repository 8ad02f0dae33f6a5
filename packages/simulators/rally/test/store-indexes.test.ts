import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONCRETE_TYPES, typeSpec } from '../src/state/schema.ts';
import { SEED_IDS } from '../src/state/seed.ts';
import type { ChangeEvent, RallyObject, Store } from '../src/state/store.ts';
import { clock, op, RUNS } from './store-arbitraries.ts';
import { apply, type Op, seededStore } from './store-ops.ts';

const STORY = 'HierarchicalRequirement';
const FEATURE = 'PortfolioItem/Feature';

/** Every reverse reference the store reads: inverse collections and the roll-up lookups. */
const KEYS = [
  ...new Set([
    ...CONCRETE_TYPES.flatMap((t) =>
      t.attrs
        .filter((a) => a.type === 'COLLECTION' && a.inverse)
        .map((a) => `${a.target}|${a.inverse}`),
    ),
    `${STORY}|Feature`,
    `${STORY}|Parent`,
    `${STORY}|PortfolioItem`,
    `${FEATURE}|Parent`,
    'Task|WorkProduct',
    'Project|Parent',
  ]),
];

function buckets(s: Store, key: string): Array<[number, number[]]> {
  const [type, attr] = key.split('|') as [string, string];
  return [...s.referrers(type, attr)]
    .map(([k, v]): [number, number[]] => [k, v.map((o) => o.oid)])
    .sort((x, y) => x[0] - y[0]);
}

function strip({ oid, type, version, values }: RallyObject) {
  // UUIDs are random per store; everything else must match.
  const { ObjectUUID: _, ...rest } = values;
  return { oid, type, version, values: rest };
}

function state(s: Store) {
  const snap = s.snapshot();
  return { ...snap, objects: snap.objects.map(strip), recycled: (snap.recycled ?? []).map(strip) };
}

function events(s: Store): unknown[] {
  const out: unknown[] = [];
  s.onChange((e: ChangeEvent) =>
    out.push(
      structuredClone({
        action: e.action,
        oid: e.object.oid,
        version: e.object.version,
        changes: e.changes.map((c) => [c.attr.name, c.oldValue, c.newValue, c.added, c.removed]),
      }),
    ),
  );
  return out;
}

describe('incremental indexes', () => {
  it('any sequence of writes reads, writes and emits exactly as with indexes rebuilt by scan', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
        const { at, now } = clock();
        const a = seededStore(now);
        const b = seededStore(now, false);
        const ea = events(a);
        const eb = events(b);
        for (const o of ops) {
          at.t += 1000;
          expect(apply(a, o)).toBe(apply(b, o));
          for (const key of KEYS) expect(buckets(a, key)).toEqual(buckets(b, key));
        }
        expect(ea).toEqual(eb);
        expect(state(a)).toEqual(state(b));
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('ranking into a gap that is used up renumbers as a rebuild does', () => {
    const { at, now } = clock();
    const a = seededStore(now);
    const b = seededStore(now, false);
    const ops: Op[] = [
      { kind: 'story', feature: 0, parent: null, estimate: 1 },
      { kind: 'story', feature: 0, parent: null, estimate: 2 },
    ];
    // Alternate two stories right above the same anchor: the gap halves until none is left.
    for (let i = 0; i < 24; i++) {
      const target = i % 2 === 0 ? 5 : 6;
      ops.push({ kind: 'rank', type: STORY, target, to: 'above', anchorType: STORY, anchor: 0 });
    }
    ops.push({ kind: 'rank', type: STORY, target: 1, to: 'below', anchorType: STORY, anchor: 5 });
    const bystander = a.get(SEED_IDS.storyChild);
    const bystanderRank = bystander?.values.DragAndDropRank;
    for (const o of ops) {
      at.t += 1000;
      expect(apply(a, o)).toBe(apply(b, o));
    }
    // The renumber reached objects the ranking never named.
    expect(bystander?.values.DragAndDropRank).not.toBe(bystanderRank);
    const ranks = (s: Store) => [...s.list(typeSpec(STORY))].map((o) => o.values.DragAndDropRank);
    expect(new Set(ranks(a)).size).toBe(ranks(a).length);
    expect(state(a)).toEqual(state(b));
  });
});
