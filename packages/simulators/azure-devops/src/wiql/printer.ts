/** A WIQL tree → text that parses back to the same tree. */
import type { Condition, Query, Value } from './ast.ts';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function printValue(v: Value): string {
  switch (v.kind) {
    case 'string':
      return quote(v.value);
    case 'number':
      return String(v.value);
    case 'macro':
      return `@${v.name}${v.offset > 0 ? ` + ${v.offset}` : v.offset < 0 ? ` - ${-v.offset}` : ''}`;
  }
}

function printCondition(c: Condition): string {
  switch (c.kind) {
    case 'compare':
      return `[${c.field}] ${c.op} ${printValue(c.value)}`;
    case 'in':
      return `[${c.field}] ${c.negated ? 'NOT IN' : 'IN'} (${c.values.map(printValue).join(', ')})`;
    default: {
      const op = c.kind.toUpperCase();
      // Both operators are left-associative and AND binds tighter: parenthesise only what the
      // parser would otherwise group differently.
      const left =
        c.kind === 'and' && c.left.kind === 'or'
          ? `(${printCondition(c.left)})`
          : printCondition(c.left);
      const right =
        c.right.kind === 'and' || c.right.kind === 'or'
          ? `(${printCondition(c.right)})`
          : printCondition(c.right);
      return `${left} ${op} ${right}`;
    }
  }
}

export function print(q: Query): string {
  const parts = [`SELECT ${q.select.map((f) => `[${f}]`).join(', ')} FROM WorkItems`];
  if (q.where) parts.push(`WHERE ${printCondition(q.where)}`);
  if (q.orderBy.length)
    parts.push(
      `ORDER BY ${q.orderBy.map((o) => `[${o.field}] ${o.descending ? 'DESC' : 'ASC'}`).join(', ')}`,
    );
  return parts.join(' ');
}
