import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  '..',
  'shared',
  'fixtures',
  'rally',
);
export function fixture(name: string): any {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
}

/** Replace Rally's host with a path-only form so refs from the simulator compare equal. */
export function relRef(s: unknown): unknown {
  return typeof s === 'string' ? s.replace(/^https?:\/\/[^/]+/, '') : s;
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/**
 * Every key of `expected` exists in `actual` with a value of the same JSON kind, recursively
 * (arrays: first elements; a null in the fixture accepts any kind). Returns the list of mismatches (empty when the shape holds).
 */
export function shapeDiff(
  expected: unknown,
  actual: unknown,
  path = '$',
  out: string[] = [],
): string[] {
  const ek = kind(expected);
  const ak = kind(actual);
  // A null in a hand-written fixture only says "may be null": derived values may differ.
  if (ek === 'null') return out;
  if (ek !== ak) {
    out.push(`${path}: expected ${ek} but got ${ak}`);
    return out;
  }
  if (ek === 'array') {
    const e = expected as unknown[];
    const a = actual as unknown[];
    if (e.length && a.length) shapeDiff(e[0], a[0], `${path}[0]`, out);
  } else if (ek === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const k of Object.keys(e)) {
      if (!(k in a)) out.push(`${path}.${k}: missing`);
      else shapeDiff(e[k], a[k], `${path}.${k}`, out);
    }
  }
  return out;
}
