/** Runs a parsed WIQL query over the live work items: filter, then order (by id when unsaid). */
import { AdoError } from '../errors.ts';
import { type FieldDef, findField } from '../process/fields.ts';
import { isUnder } from '../state/classification.ts';
import { current, type Identity, type Project, type WorkItemRecord } from '../state/model.ts';
import { tagList } from '../workitems/values.ts';
import type { Condition, Query, Value } from './ast.ts';

export interface EvalContext {
  project: Project | null;
  me: Identity;
  now: Date;
  users: readonly Identity[];
  /** Compare dates to the millisecond instead of by day. */
  timePrecision: boolean;
}

export const unknownField = (name: string) =>
  new AdoError(
    `TF51005: The query references a field that does not exist. The error is caused by «${name}».`,
    {
      status: 400,
      typeKey: 'QueryException',
      eventId: 3200,
    },
  );

export function resolveField(name: string): FieldDef {
  const def = findField(name);
  if (!def) throw unknownField(name);
  return def;
}

function fieldValue(item: WorkItemRecord, def: FieldDef): unknown {
  if (def.referenceName === 'System.Id') return item.id;
  const r = current(item);
  if (def.referenceName === 'System.Rev') return r.rev;
  return r.fields[def.referenceName];
}

function macroValue(v: Extract<Value, { kind: 'macro' }>, ctx: EvalContext): unknown {
  switch (v.name) {
    case 'project':
      if (!ctx.project)
        throw new AdoError('TF51011: The @project macro needs a project in the URL.', {
          status: 400,
          typeKey: 'QueryException',
          eventId: 3200,
        });
      return ctx.project.name;
    case 'me':
      return ctx.me.id;
    case 'today': {
      const d = new Date(
        Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth(), ctx.now.getUTCDate()),
      );
      d.setUTCDate(d.getUTCDate() + v.offset);
      return d.toISOString();
    }
    default:
      throw new AdoError(`TF51008: The macro @${v.name} is not supported.`, {
        status: 400,
        typeKey: 'QueryException',
        eventId: 3200,
      });
  }
}

function literal(v: Value, def: FieldDef, ctx: EvalContext): unknown {
  const raw = v.kind === 'macro' ? macroValue(v, ctx) : v.value;
  if (def.type === 'identity' && v.kind !== 'macro') {
    const text = String(raw).toLowerCase();
    const email = /<([^>]+)>\s*$/.exec(text)?.[1];
    const user = ctx.users.find(
      (u) => u.displayName.toLowerCase() === text || u.uniqueName.toLowerCase() === (email ?? text),
    );
    return user?.id ?? raw;
  }
  return raw;
}

/** Negative, zero or positive; dates by day unless `timePrecision`. */
function compare(actual: unknown, wanted: unknown, def: FieldDef, ctx: EvalContext): number {
  if (def.type === 'dateTime') {
    const a = Date.parse(String(actual ?? ''));
    const w = Date.parse(String(wanted));
    if (Number.isNaN(w))
      throw new AdoError(`TF51009: The value ${String(wanted)} is not a date.`, {
        status: 400,
        typeKey: 'QueryException',
        eventId: 3200,
      });
    if (Number.isNaN(a)) return -1;
    const day = (t: number) => (ctx.timePrecision ? t : Math.floor(t / 86_400_000));
    return day(a) - day(w);
  }
  if (def.type === 'integer' || def.type === 'double')
    return Number(actual ?? Number.NaN) - Number(wanted);
  return String(actual ?? '')
    .toLowerCase()
    .localeCompare(String(wanted).toLowerCase());
}

function holds(c: Condition, item: WorkItemRecord, ctx: EvalContext): boolean {
  switch (c.kind) {
    case 'and':
      return holds(c.left, item, ctx) && holds(c.right, item, ctx);
    case 'or':
      return holds(c.left, item, ctx) || holds(c.right, item, ctx);
    case 'in': {
      const def = resolveField(c.field);
      const actual = fieldValue(item, def);
      const found = c.values.some((v) => compare(actual, literal(v, def, ctx), def, ctx) === 0);
      return c.negated ? !found : found;
    }
    case 'compare': {
      const def = resolveField(c.field);
      const actual = fieldValue(item, def);
      const wanted = literal(c.value, def, ctx);
      switch (c.op) {
        case 'UNDER':
        case 'NOT UNDER': {
          if (def.type !== 'treePath')
            throw new AdoError(
              `TF51010: UNDER needs a tree path field, not ${def.referenceName}.`,
              { status: 400, typeKey: 'QueryException', eventId: 3200 },
            );
          const under = isUnder(String(actual ?? ''), String(wanted));
          return c.op === 'UNDER' ? under : !under;
        }
        case 'CONTAINS':
        case 'NOT CONTAINS': {
          const w = String(wanted).toLowerCase();
          const has =
            def.referenceName === 'System.Tags'
              ? tagList(actual).some((t) => t.toLowerCase() === w)
              : String(actual ?? '')
                  .toLowerCase()
                  .includes(w);
          return c.op === 'CONTAINS' ? has : !has;
        }
        case '=':
          return compare(actual, wanted, def, ctx) === 0;
        case '<>':
          return compare(actual, wanted, def, ctx) !== 0;
        case '<':
          return compare(actual, wanted, def, ctx) < 0;
        case '<=':
          return compare(actual, wanted, def, ctx) <= 0;
        case '>':
          return compare(actual, wanted, def, ctx) > 0;
        case '>=':
          return compare(actual, wanted, def, ctx) >= 0;
      }
    }
  }
}

export function evaluate(q: Query, items: WorkItemRecord[], ctx: EvalContext): WorkItemRecord[] {
  for (const f of q.select) resolveField(f);
  const order = q.orderBy.map((o) => ({ def: resolveField(o.field), descending: o.descending }));
  const matched = q.where ? items.filter((w) => holds(q.where!, w, ctx)) : [...items];
  return matched.sort((a, b) => {
    for (const o of order) {
      const d = compareForSort(fieldValue(a, o.def), fieldValue(b, o.def), o.def);
      if (d !== 0) return o.descending ? -d : d;
    }
    return a.id - b.id;
  });
}

function compareForSort(a: unknown, b: unknown, def: FieldDef): number {
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : -1;
  if (b === undefined || b === null) return 1;
  if (def.type === 'integer' || def.type === 'double') return Number(a) - Number(b);
  if (def.type === 'dateTime') return Date.parse(String(a)) - Date.parse(String(b));
  return String(a).toLowerCase().localeCompare(String(b).toLowerCase());
}
