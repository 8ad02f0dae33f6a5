import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typeSpec } from '../src/state/schema.ts';
import { SEED_IDS } from '../src/state/seed.ts';
import { type RallyObject, Store } from '../src/state/store.ts';
import { clock, op, RUNS } from './store-arbitraries.ts';
import { apply, ctx, type Op, seededStore } from './store-ops.ts';

const STORY = 'HierarchicalRequirement';
const FEATURE = 'PortfolioItem/Feature';

const ROLLUPS = [
  'TaskEstimateTotal',
  'TaskRemainingTotal',
  'TaskActualTotal',
  'DirectChildrenCount',
  'HasParent',
  'Feature',
  'PlanEstimate',
  'ScheduleState',
  'LeafStoryCount',
  'AcceptedLeafStoryCount',
  'LeafStoryPlanEstimateTotal',
  'PercentDoneByStoryCount',
  'PercentDoneByStoryPlanEstimate',
];

/** The roll-up fields of every artifact, as this store has them and after a full recompute. */
function rollups(s: Store) {
  const pick = (o: RallyObject) => [
    o.oid,
    Object.fromEntries(ROLLUPS.filter((f) => f in o.values).map((f) => [f, o.values[f]])),
  ];
  const recomputed = new Store(s.now);
  recomputed.load(s.snapshot());
  recomputed.recomputeAll();
  const artifacts = (x: Store) =>
    [...x.snapshot().objects].filter((o) => o.type === STORY || o.type.startsWith('Portfolio'));
  return { incremental: artifacts(s).map(pick), recomputed: artifacts(recomputed).map(pick) };
}

/**
 * Writes that move or delete a story with children: the simulator re-derives the story's
 * ancestors but not its descendants (their Feature and what rolls up from it), so a recompute
 * differs. This was so before the indexes were incremental and stays so.
 */
function movesDescendants(s: Store, o: Op): boolean {
  const children = s.referrers(STORY, 'Parent');
  const story = (i: number) => {
    const all = [...s.list(typeSpec(STORY))].sort((x, y) => x.oid - y.oid);
    return all.length ? all[i % all.length] : undefined;
  };
  const hasChildren = (i: number) => (children.get(story(i)?.oid ?? -1)?.length ?? 0) > 0;
  const hasGrandchildren = (i: number) =>
    (children.get(story(i)?.oid ?? -1) ?? []).some((c) => children.has(c.oid));
  if (o.kind === 'reparent') return hasChildren(o.story);
  if (o.kind === 'removeChild') return hasChildren(o.child);
  if (o.kind === 'addChildren') return o.children.some(hasChildren);
  if (o.kind === 'delete' && o.type === STORY) return hasGrandchildren(o.target);
  return false;
}

describe('roll-ups after incremental index updates', () => {
  it('creates, re-parenting, delete and restore leave the roll-ups a full recompute gives', () => {
    const { at, now } = clock();
    const s = seededStore(now);
    const project = `/project/${SEED_IDS.projectAlpha}`;
    const write = <T>(f: () => T): T => {
      at.t += 1000;
      const out = f();
      const r = rollups(s);
      expect(r.incremental).toEqual(r.recomputed);
      return out;
    };
    const feature = () =>
      write(() => s.create(typeSpec(FEATURE), { Name: 'F', Project: project }, ctx()));
    const [f1, f2] = [feature(), feature()];
    const stories = [1, 2, 3].map((n) =>
      write(() =>
        s.create(
          typeSpec(STORY),
          {
            Name: `S${n}`,
            Project: project,
            PortfolioItem: `/portfolioitem/feature/${f1.oid}`,
            PlanEstimate: n,
          },
          ctx(),
        ),
      ),
    );
    const [s1, s2, s3] = stories as [RallyObject, RallyObject, RallyObject];
    const leaves = (f: RallyObject) => [
      f.values.LeafStoryCount,
      f.values.LeafStoryPlanEstimateTotal,
    ];
    expect(leaves(f1)).toEqual([3, 6]);
    expect(f1.values.DirectChildrenCount).toBe(3);

    write(() => s.update(s1, { PortfolioItem: `/portfolioitem/feature/${f2.oid}` }, ctx()));
    expect([leaves(f1), leaves(f2)]).toEqual([
      [2, 5],
      [1, 1],
    ]);

    write(() =>
      s.update(s2, { PortfolioItem: null, Parent: `/hierarchicalrequirement/${s3.oid}` }, ctx()),
    );
    expect([s2.values.Feature, s3.values.DirectChildrenCount]).toEqual([f1.oid, 1]);
    expect(leaves(f1)).toEqual([1, 2]);

    write(() => s.delete(s3, ctx()));
    expect([s2.values.Parent, s2.values.Feature, leaves(f1)]).toEqual([null, null, [0, 0]]);
    const entry = s.get(s3.oid);
    expect(entry?.type).toBe('RecycleBinEntry');

    write(() => s.restore(entry as RallyObject, ctx().userOid));
    expect(s.get(s3.oid)).toBe(s3);
    expect(leaves(f1)).toEqual([1, s3.values.PlanEstimate]);
  });

  it('any sequence of writes leaves the roll-ups a full recompute gives', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
        const { at, now } = clock();
        const a = seededStore(now);
        for (const o of ops) {
          at.t += 1000;
          if (!movesDescendants(a, o)) apply(a, o);
        }
        const r = rollups(a);
        expect(r.incremental).toEqual(r.recomputed);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});
