/**
 * Translating enumeration values through a value map. A value with no entry is not written:
 * the caller reports it. Lists (tags, multi-choice) translate element by element.
 */
import type { ValueMapEntry } from '../config.ts';
import type { FieldValue } from '../types.ts';

export type Translation =
  | { readonly ok: true; readonly value: FieldValue }
  | { readonly ok: false; readonly unmapped: readonly string[] };

type Side = 'roadmap' | 'remote';

function translate(
  value: FieldValue,
  map: readonly ValueMapEntry[] | undefined,
  from: Side,
  to: Side,
): Translation {
  if (map === undefined || value === null || typeof value === 'boolean') return { ok: true, value };
  const one = (v: string): string | undefined => map.find((e) => e[from] === v)?.[to];
  if (Array.isArray(value)) {
    const out: string[] = [];
    const unmapped: string[] = [];
    for (const item of value as readonly string[]) {
      const mapped = one(item);
      if (mapped === undefined) unmapped.push(item);
      else out.push(mapped);
    }
    return unmapped.length > 0 ? { ok: false, unmapped } : { ok: true, value: out };
  }
  const mapped = one(String(value));
  return mapped === undefined
    ? { ok: false, unmapped: [String(value)] }
    : { ok: true, value: mapped };
}

export function toRemoteValue(
  value: FieldValue,
  map: readonly ValueMapEntry[] | undefined,
): Translation {
  return translate(value, map, 'roadmap', 'remote');
}

export function toRoadmapValue(
  value: FieldValue,
  map: readonly ValueMapEntry[] | undefined,
): Translation {
  return translate(value, map, 'remote', 'roadmap');
}

/** A value map is bijective when no roadmap value and no remote value appears twice. */
export function isBijective(map: readonly ValueMapEntry[]): boolean {
  return (
    new Set(map.map((e) => e.roadmap)).size === map.length &&
    new Set(map.map((e) => e.remote)).size === map.length
  );
}
