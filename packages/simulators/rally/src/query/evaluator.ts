import { parseRef } from '../state/refs.ts';
import { type AttrDef, findAttr, findType, type TypeSpec, typeSpec } from '../state/schema.ts';
import type { RallyObject, Store } from '../state/store.ts';
import { type Expr, QueryError, type Value } from './ast.ts';

export type Predicate = (o: RallyObject) => boolean;

interface Step {
  attr: AttrDef;
}

/** Resolve a dotted path against a type, failing the way Rally does for unknown attributes. */
export function resolvePath(
  t: TypeSpec,
  path: string[],
): { steps: Step[]; leaf: AttrDef; leafType: TypeSpec } {
  let cur = t;
  const steps: Step[] = [];
  for (let i = 0; i < path.length; i++) {
    const name = path[i] as string;
    const a = findAttr(cur, name === 'Rank' ? 'DragAndDropRank' : name);
    if (!a || a.hidden) {
      if (cur.subtypes?.some((st) => findAttr(typeSpec(st), name))) {
        throw new QueryError(
          `Could not read: could not read all instances of class com.f4tech.slm.domain.${cur.elementName}`,
          { cause: 'read' },
        );
      }
      throw new QueryError(`Could not find attribute '${name}'`);
    }
    steps.push({ attr: a });
    if (i < path.length - 1) {
      const next = nextType(cur, a);
      if (!next) throw new QueryError(`Could not find attribute '${path[i + 1]}' on '${a.name}'`);
      cur = next;
    } else {
      return { steps, leaf: a, leafType: cur };
    }
  }
  throw new QueryError('Empty attribute path');
}

function nextType(t: TypeSpec, a: AttrDef): TypeSpec | undefined {
  if ((a.type === 'OBJECT' || a.type === 'COLLECTION') && a.target) return findType(a.target);
  if (a.type === 'STATE' && !a.allowed && t.ordinal !== undefined) return findType('State');
  return undefined;
}

/** Values reached by following `steps` from `o` (collections fan out). */
function collect(store: Store, o: RallyObject, steps: Step[]): unknown[] {
  let frontier: RallyObject[] = [o];
  for (let i = 0; i < steps.length - 1; i++) {
    const a = (steps[i] as Step).attr;
    const next: RallyObject[] = [];
    for (const x of frontier) {
      if (a.type === 'COLLECTION') next.push(...store.collection(x, a));
      else {
        const ref = x.values[a.name];
        const target = typeof ref === 'number' ? store.get(ref) : undefined;
        if (target) next.push(target);
        else return [null];
      }
    }
    frontier = next;
  }
  const leaf = (steps[steps.length - 1] as Step).attr;
  const out: unknown[] = [];
  for (const x of frontier) {
    if (leaf.type === 'COLLECTION') out.push(store.collection(x, leaf).map((m) => m.oid));
    else out.push(x.values[leaf.name] ?? null);
  }
  return out.length ? out : [null];
}

/** Compile a query AST into a predicate over objects of type `t`. */
export function compile(store: Store, t: TypeSpec, e: Expr): Predicate {
  if (e.kind === 'bool') {
    const l = compile(store, t, e.left);
    const r = compile(store, t, e.right);
    return e.op === 'AND' ? (o) => l(o) && r(o) : (o) => l(o) || r(o);
  }
  const { steps, leaf } = resolvePath(t, e.path);
  const cmp = comparator(store, leaf, e.op, e.value);
  return (o) => {
    const vals = collect(store, o, steps);
    // Negative operators must hold for every reached value; positive ones for any.
    if (e.op === '!=' || e.op === '!contains') return vals.every(cmp);
    return vals.some(cmp);
  };
}

function isNullish(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function comparator(
  store: Store,
  a: AttrDef,
  op: Expr extends { op: infer O } ? O : never,
  value: Value,
): (v: unknown) => boolean {
  const positive = op !== '!=' && op !== '!contains';
  if (value.kind === 'null') {
    if (op === '=') return isNullish;
    if (op === '!=') return (v) => !isNullish(v);
    return () => false;
  }
  const raw = value.value;
  const ordered = (rank: (v: unknown) => number | undefined, target: number | undefined) => {
    if (target === undefined) throw new QueryError(`Invalid value "${raw}" for ${a.name}`);
    return (v: unknown) => {
      const r = rank(v);
      if (r === undefined) return !positive;
      return cmpOp(op, r - target);
    };
  };
  switch (a.type) {
    case 'INTEGER':
    case 'DECIMAL':
    case 'QUANTITY': {
      const n = Number(raw);
      if (!Number.isFinite(n))
        throw new QueryError(`Cannot parse "${raw}" as a number for ${a.name}`);
      return (v) => (typeof v === 'number' ? cmpOp(op, v - n) : !positive);
    }
    case 'BOOLEAN': {
      const b = raw.toLowerCase();
      if (b !== 'true' && b !== 'false')
        throw new QueryError(`Cannot parse "${raw}" as a boolean for ${a.name}`);
      return (v) =>
        typeof v === 'boolean' ? cmpOp(op, Number(v) - Number(b === 'true')) : !positive;
    }
    case 'DATE': {
      const d =
        raw.toLowerCase() === 'today'
          ? new Date(new Date().toISOString().slice(0, 10))
          : new Date(raw);
      if (Number.isNaN(d.getTime()))
        throw new QueryError(`Cannot parse "${raw}" as a date for ${a.name}`);
      const ms = d.getTime();
      return (v) => (typeof v === 'string' ? cmpOp(op, new Date(v).getTime() - ms) : !positive);
    }
    case 'STATE':
    case 'RATING': {
      if (a.allowed) {
        const list = a.allowed.map((x) => x.toLowerCase());
        if (op === 'contains' || op === '!contains') return stringCmp(op, raw);
        const idx = list.indexOf(raw.toLowerCase());
        return ordered(
          (v) => (typeof v === 'string' ? list.indexOf(v.toLowerCase()) : undefined),
          idx < 0 ? undefined : idx,
        );
      }
      // Portfolio item State: a ref or a state name; ordered by OrderIndex.
      const ref = parseRef(raw);
      const state = ref ? store.find(ref.id) : undefined;
      const orderOf = (v: unknown) =>
        typeof v === 'number' ? (store.get(v)?.values.OrderIndex as number | undefined) : undefined;
      if (state) return ordered(orderOf, state.values.OrderIndex as number);
      const byName = (v: unknown) =>
        typeof v === 'number' ? String(store.get(v)?.values.Name ?? '') : '';
      if (op === '=' || op === '!=')
        return (v) => cmpOp(op, byName(v).toLowerCase() === raw.toLowerCase() ? 0 : 1);
      if (op === 'contains' || op === '!contains') return (v) => stringCmp(op, raw)(byName(v));
      throw new QueryError(`Invalid value "${raw}" for ${a.name}`);
    }
    case 'OBJECT':
    case 'COLLECTION': {
      const ref = parseRef(raw);
      if (!ref) {
        // Comparing a reference with a name/UUID string.
        const lower = raw.toLowerCase();
        const matches = (oid: unknown) => {
          const x = typeof oid === 'number' ? store.get(oid) : undefined;
          if (!x) return false;
          return (
            x.uuid === lower ||
            store.displayName(x).toLowerCase() === lower ||
            String(x.values.UserName ?? '').toLowerCase() === lower
          );
        };
        if (op === '=' || op === 'contains')
          return (v) => (Array.isArray(v) ? v.some(matches) : matches(v));
        if (op === '!=' || op === '!contains')
          return (v) => !(Array.isArray(v) ? v.some(matches) : matches(v));
        throw new QueryError(`Operator ${op} is not supported for ${a.name}`);
      }
      const target = store.find(ref.id);
      const oid = target?.oid ?? -1;
      const has = (v: unknown) => (Array.isArray(v) ? v.includes(oid) : v === oid);
      if (op === '=' || op === 'contains') return has;
      if (op === '!=' || op === '!contains') return (v) => !has(v);
      throw new QueryError(`Operator ${op} is not supported for ${a.name}`);
    }
    default:
      return stringCmp(op, raw);
  }
}

function stringCmp(op: string, raw: string): (v: unknown) => boolean {
  const r = raw.toLowerCase();
  return (v) => {
    const s = v === null || v === undefined ? '' : String(v).toLowerCase();
    if (op === 'contains') return s.includes(r);
    if (op === '!contains') return !s.includes(r);
    return cmpOp(op, s < r ? -1 : s > r ? 1 : 0);
  };
}

function cmpOp(op: string, d: number): boolean {
  switch (op) {
    case '=':
      return d === 0;
    case '!=':
      return d !== 0;
    case '<':
      return d < 0;
    case '<=':
      return d <= 0;
    case '>':
      return d > 0;
    case '>=':
      return d >= 0;
    default:
      return false;
  }
}

/** Parse `order` (`Rank,FormattedID DESC`) into a comparator; unknown attributes fail. */
export function compileOrder(
  store: Store,
  t: TypeSpec,
  order: string | undefined,
): (a: RallyObject, b: RallyObject) => number {
  const keys: Array<{ steps: Step[]; leaf: AttrDef; desc: boolean }> = [];
  for (const part of (order ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name = '', dir = ''] = part.split(/\s+/);
    const d = dir.toLowerCase();
    if (d && d !== 'asc' && d !== 'desc') throw new QueryError(`Invalid sort direction "${dir}"`);
    const { steps, leaf } = resolvePath(t, name.split('.'));
    keys.push({ steps, leaf, desc: d === 'desc' });
  }
  const objectId = findAttr(t, 'ObjectID');
  if (objectId && !keys.some((k) => k.leaf.name === 'ObjectID'))
    keys.push({ steps: [{ attr: objectId }], leaf: objectId, desc: false });
  const sortValue = (o: RallyObject, steps: Step[], leaf: AttrDef): unknown => {
    const v = collect(store, o, steps)[0];
    if (v === null || v === undefined) return null;
    if (leaf.allowed && typeof v === 'string') return leaf.allowed.indexOf(v);
    if (leaf.type === 'STATE' && typeof v === 'number')
      return store.get(v)?.values.OrderIndex ?? null;
    if (leaf.type === 'OBJECT' && typeof v === 'number') {
      const x = store.get(v);
      return x ? store.displayName(x) : null;
    }
    if (Array.isArray(v)) return v.length;
    return v;
  };
  return (a, b) => {
    for (const k of keys) {
      const va = sortValue(a, k.steps, k.leaf);
      const vb = sortValue(b, k.steps, k.leaf);
      let d = 0;
      if (va === null && vb !== null) d = -1;
      else if (va !== null && vb === null) d = 1;
      else if (typeof va === 'number' && typeof vb === 'number') d = va - vb;
      else if (va !== null && vb !== null)
        d = String(va) < String(vb) ? -1 : String(va) > String(vb) ? 1 : 0;
      if (d !== 0) return k.desc ? -d : d;
    }
    return 0;
  };
}
