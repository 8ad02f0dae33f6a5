import type { Expr, Value } from './ast.ts';

const BARE = /^[^\s()"=<>!]+$/;

function printValue(v: Value): string {
  if (v.kind === 'null') return 'null';
  if (!v.quoted && BARE.test(v.value) && v.value.toLowerCase() !== 'null') return v.value;
  return `"${v.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Print an AST back to Rally's syntax, fully parenthesised. */
export function print(e: Expr): string {
  if (e.kind === 'bool') return `(${print(e.left)} ${e.op} ${print(e.right)})`;
  return `(${e.path.join('.')} ${e.op} ${printValue(e.value)})`;
}
