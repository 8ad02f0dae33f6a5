/** `{ field: { old, new } }` with API field names (camelCase). */
export type Changes = Record<string, { old: unknown; new: unknown }>;

const NOT_CHANGES = new Set([
  'id',
  'workspace_id',
  'version',
  'created_at',
  'updated_at',
  'created_by',
  'updated_by',
]);

export function camelCase(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` compare equal. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * What changed between two versions of a row (null for "did not exist"), skipping bookkeeping
 * columns and the ones named in `omit`.
 */
export function diffRows(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  omit: readonly string[] = [],
): Changes {
  const changes: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (NOT_CHANGES.has(key) || omit.includes(key)) continue;
    const old = before ? (before[key] ?? null) : null;
    const next = after ? (after[key] ?? null) : null;
    if (before && after && stableJson(old) === stableJson(next)) continue;
    changes[camelCase(key)] = { old, new: next };
  }
  return changes;
}
