/**
 * Writes to a Store described as data, so a property test can apply the same sequence to two
 * stores and compare them. Indices pick among the live objects of a type by ObjectID.
 */
import { findAttr, typeSpec } from '../src/state/schema.ts';
import { SEED_IDS, SEEDED_USERS, seedStandard } from '../src/state/seed.ts';
import { type RallyObject, Store, type WriteContext } from '../src/state/store.ts';

export type Op =
  | { kind: 'feature'; initiative: number | null }
  | { kind: 'story'; feature: number | null; parent: number | null; estimate: number | null }
  | { kind: 'task'; story: number; estimate: number; todo: number; state: string }
  | { kind: 'defect'; story: number }
  | { kind: 'reparent'; story: number; feature: number | null; parent: number | null }
  | { kind: 'edit'; story: number; estimate: number | null; state: string }
  | { kind: 'moveTask'; task: number; story: number; state: string }
  | { kind: 'featureParent'; feature: number; initiative: number | null }
  | { kind: 'delete'; type: string; target: number }
  | { kind: 'restore'; entry: number }
  | {
      kind: 'rank';
      type: string;
      target: number;
      to: 'TOP' | 'BOTTOM' | 'above' | 'below';
      anchorType: string;
      anchor: number;
    }
  | { kind: 'addChildren'; story: number; children: number[] }
  | { kind: 'removeChild'; story: number; child: number }
  | { kind: 'tag'; story: number; name: string };

const STORY = 'HierarchicalRequirement';
const FEATURE = 'PortfolioItem/Feature';
const INITIATIVE = 'PortfolioItem/Initiative';

export function seededStore(now: () => Date, incrementalIndexes = true): Store {
  const store = new Store(now, { incrementalIndexes });
  seedStandard(store);
  return store;
}

function live(store: Store, type: string): RallyObject[] {
  return [...store.list(typeSpec(type))].sort((a, b) => a.oid - b.oid);
}

function pick(store: Store, type: string, i: number): RallyObject | undefined {
  const all = live(store, type);
  return all.length ? all[i % all.length] : undefined;
}

function ref(store: Store, type: string, i: number | null): string | null {
  if (i === null) return null;
  const o = pick(store, type, i);
  return o ? `/${typeSpec(o.type).refPath}/${o.oid}` : null;
}

export const ctx = (): WriteContext => ({
  userOid: SEEDED_USERS[0]?.oid ?? null,
  workspaceOid: SEED_IDS.workspace,
  warnings: [],
});

/** Apply `op`; the outcome is "ok", "skip" (nothing to act on) or the error message. */
export function apply(store: Store, op: Op): string {
  try {
    run(store, op);
    return 'ok';
  } catch (e) {
    if (e instanceof Skip) return 'skip';
    return (e as Error).message;
  }
}

class Skip extends Error {}

function must(o: RallyObject | undefined): RallyObject {
  if (!o) throw new Skip();
  return o;
}

function run(store: Store, op: Op): void {
  const project = `/project/${SEED_IDS.projectAlpha}`;
  switch (op.kind) {
    case 'feature':
      store.create(
        typeSpec(FEATURE),
        { Name: 'F', Project: project, Parent: ref(store, INITIATIVE, op.initiative) },
        ctx(),
      );
      return;
    case 'story':
      store.create(
        typeSpec(STORY),
        {
          Name: 'S',
          Project: project,
          PlanEstimate: op.estimate,
          ...(op.parent === null
            ? { PortfolioItem: ref(store, FEATURE, op.feature) }
            : { Parent: ref(store, STORY, op.parent) }),
        },
        ctx(),
      );
      return;
    case 'task':
      store.create(
        typeSpec('Task'),
        {
          Name: 'T',
          WorkProduct: must(pick(store, STORY, op.story)).oid,
          Estimate: op.estimate,
          ToDo: op.todo,
          State: op.state,
        },
        ctx(),
      );
      return;
    case 'defect':
      store.create(
        typeSpec('Defect'),
        { Name: 'D', Project: project, Requirement: ref(store, STORY, op.story) },
        ctx(),
      );
      return;
    case 'reparent':
      store.update(
        must(pick(store, STORY, op.story)),
        { PortfolioItem: ref(store, FEATURE, op.feature), Parent: ref(store, STORY, op.parent) },
        ctx(),
      );
      return;
    case 'edit':
      store.update(
        must(pick(store, STORY, op.story)),
        { PlanEstimate: op.estimate, ScheduleState: op.state },
        ctx(),
      );
      return;
    case 'moveTask':
      store.update(
        must(pick(store, 'Task', op.task)),
        { WorkProduct: ref(store, STORY, op.story), State: op.state },
        ctx(),
      );
      return;
    case 'featureParent':
      store.update(
        must(pick(store, FEATURE, op.feature)),
        { Parent: ref(store, INITIATIVE, op.initiative) },
        ctx(),
      );
      return;
    case 'delete':
      store.delete(must(pick(store, op.type, op.target)), ctx());
      return;
    case 'restore':
      store.restore(must(pick(store, 'RecycleBinEntry', op.entry)), ctx().userOid);
      return;
    case 'rank': {
      const o = must(pick(store, op.type, op.target));
      const anchor = must(pick(store, op.anchorType, op.anchor)).oid;
      const spec =
        op.to === 'above'
          ? { above: anchor }
          : op.to === 'below'
            ? { below: anchor }
            : { to: op.to };
      store.update(o, {}, ctx(), spec);
      return;
    }
    case 'addChildren': {
      const children = op.children.map((i) => ({ _ref: ref(store, STORY, i) }));
      const parent = must(pick(store, STORY, op.story));
      store.addToCollection(parent, findAttr(typeSpec(STORY), 'Children')!, children, ctx());
      return;
    }
    case 'removeChild': {
      const o = must(pick(store, STORY, op.story));
      const child = ref(store, STORY, op.child);
      store.removeFromCollection(o, findAttr(typeSpec(STORY), 'Children')!, [child], ctx());
      return;
    }
    case 'tag': {
      const o = must(pick(store, STORY, op.story));
      store.addToCollection(o, findAttr(typeSpec(STORY), 'Tags')!, [{ Name: op.name }], ctx());
      return;
    }
  }
}
