/** Random writes for the store's property tests. */
import fc from 'fast-check';
import type { Op } from './store-ops.ts';

const STORY = 'HierarchicalRequirement';
const FEATURE = 'PortfolioItem/Feature';

export function clock() {
  const at = { t: Date.parse('2026-11-25T09:00:00.000Z') };
  return { at, now: () => new Date(at.t) };
}

// A longer search: `RUNS=1000 pnpm exec vitest run --project simulators-rally store-` (repo root).
export const RUNS = Number(process.env.RUNS ?? 60);
const index = fc.nat({ max: 40 });
const maybe = fc.option(index, { nil: null });
const estimate = fc.option(fc.constantFrom(0.1, 0.2, 0.3, 0.7, 1, 2, 3, 5, 8), { nil: null });
const scheduleState = fc.constantFrom('Defined', 'In-Progress', 'Completed', 'Accepted');
const taskState = fc.constantFrom('Defined', 'In-Progress', 'Completed');
const artifactType = fc.constantFrom(STORY, FEATURE, 'Task', 'Defect');
const rankableType = fc.constantFrom(STORY, FEATURE, 'Defect');
const k = <T extends string>(kind: T) => fc.constant(kind);

export const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: k('feature'), initiative: maybe }) },
  {
    weight: 5,
    arbitrary: fc.record({ kind: k('story'), feature: maybe, parent: maybe, estimate }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: k('task'),
      story: index,
      estimate: fc.constantFrom(0, 0.5, 1, 2.25),
      todo: fc.constantFrom(0, 0.1, 1),
      state: taskState,
    }),
  },
  fc.record({ kind: k('defect'), story: index }),
  {
    weight: 3,
    arbitrary: fc.record({ kind: k('reparent'), story: index, feature: maybe, parent: maybe }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: k('edit'), story: index, estimate, state: scheduleState }),
  },
  fc.record({ kind: k('moveTask'), task: index, story: index, state: taskState }),
  fc.record({ kind: k('featureParent'), feature: index, initiative: maybe }),
  { weight: 2, arbitrary: fc.record({ kind: k('delete'), type: artifactType, target: index }) },
  fc.record({ kind: k('restore'), entry: index }),
  fc.record({
    kind: k('rank'),
    type: rankableType,
    target: index,
    to: fc.constantFrom('TOP' as const, 'BOTTOM' as const, 'above' as const, 'below' as const),
    anchorType: rankableType,
    anchor: index,
  }),
  fc.record({
    kind: k('addChildren'),
    story: index,
    children: fc.array(index, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: k('removeChild'), story: index, child: index }),
  fc.record({ kind: k('tag'), story: index, name: fc.constantFrom('red', 'blue') }),
);
