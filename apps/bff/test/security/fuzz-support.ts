import type { DatabaseHandle } from '@tandem/storage';
import fc from 'fast-check';
import { sql } from 'kysely';

/**
 * Generators for the route fuzz test: a fast-check arbitrary built from a zod schema of
 * `@tandem/contracts` (valid-ish bodies), the mutations applied to them, and raw bodies that are
 * not JSON at all. Ids in generated bodies are placeholders (`REAL_ID[n]`) swapped for ids that
 * exist when the request is sent, so a body names the records of the seeded workspace.
 */

/** A zod schema as its internal definition is walked (untyped: zod's internals). */
type ZodLike = { _zod: { def: any } };

/** A placeholder for the n-th id the seeded workspace has when the request is sent. */
export const realId = (n: number) => `REAL_ID[${n}]`;
export const REAL_ID_PATTERN = /REAL_ID\[(\d+)\]/g;

/** Strings that break naive code: control characters, NUL, lone surrogates, RTL, SQL, paths. */
const nastyString = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil',
  '🚀🧑‍🚀'.repeat(20),
  "' or 1=1 --",
  '"; drop table features; --',
  '../../../../etc/passwd',
  '%00',
  '%',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '$' + '{7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  'true',
  'null',
  '0x10',
  '2027-02-30',
  '9999-99-99',
  'T'.repeat(2000),
);

export const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 3, arbitrary: nastyString },
);

const oddNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, 2 ** 31, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1e300, -1e300, 0.5),
);

/** Any JSON value, of the wrong type for most fields. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  anyString,
  oddNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 3 }),
);

type Hints = {
  /** Values worth trying for a field of this name (account URLs, emails, secrets). */
  byKey: Record<string, fc.Arbitrary<unknown>>;
  /** How many real ids the placeholders index into. */
  idSlots: number;
};

function idArb(hints: Hints): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.nat(hints.idSlots - 1).map(realId) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: anyString },
  );
}

/** A valid-ish value for `schema`: the right shape and types, ids of real records. */
export function fromSchema(
  schema: ZodLike,
  hints: Hints,
  key = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const def = schema._zod.def;
  if (key && hints.byKey[key]) return hints.byKey[key]!;
  if (depth > 8) return fc.constant(null);
  const inner = (s: ZodLike, k = key) => fromSchema(s, hints, k, depth + 1);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, ZodLike>;
      const entries = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, inner(s, k)]));
      return fc.record(entries, { requiredKeys: [] });
    }
    case 'string':
      if (def.format === 'email') return fc.emailAddress();
      if (def.format === 'date') return fc.constantFrom('2027-01-04', '2027-03-26', '2026-12-31');
      if (/Id$/.test(key) || key === 'id') return idArb(hints);
      return fc.oneof({ weight: 5, arbitrary: fc.string({ maxLength: 30 }) }, nastyString);
    case 'number':
      if (key === 'version') return fc.integer({ min: 0, max: 12 });
      return fc.integer({ min: -5, max: 1000 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array': {
      const element = /Ids$/.test(key) ? idArb(hints) : inner(def.element, key.replace(/s$/, ''));
      return fc.array(element, { maxLength: 4 });
    }
    case 'record':
      return fc.dictionary(
        fc.oneof(fc.string({ maxLength: 12 }), fc.nat(hints.idSlots - 1).map(realId)),
        inner(def.valueType, ''),
        { maxKeys: 3 },
      );
    case 'optional':
    case 'default':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType);
    case 'nullable':
      return fc.oneof({ weight: 4, arbitrary: inner(def.innerType) }, fc.constant(null));
    case 'union':
      return fc.oneof(...(def.options as ZodLike[]).map((o) => inner(o)));
    case 'intersection':
      return fc
        .tuple(inner(def.left), inner(def.right))
        .map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a));
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return inner(def.getter());
    case 'tuple':
      return fc.tuple(...(def.items as ZodLike[]).map((i) => inner(i)));
    default:
      return wrongValue;
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `value` with some of its parts changed: a key dropped or added, a value of the wrong type, a
 * number sent as a string, the whole thing wrapped in an array. Usually leaves most of it alone.
 */
export function mutate(value: unknown, depth = 0): fc.Arbitrary<unknown> {
  const asString =
    typeof value === 'number' || typeof value === 'boolean'
      ? [{ weight: 2, arbitrary: fc.constant(String(value)) }]
      : [];
  const broken = fc.oneof({ weight: 4, arbitrary: wrongValue }, ...asString);
  if (depth > 6) return fc.oneof({ weight: 4, arbitrary: fc.constant(value) }, broken);
  if (Array.isArray(value)) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.tuple(...value.map((v) => mutate(v, depth + 1))) },
      { weight: 1, arbitrary: broken },
    );
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    const children = fc.record(
      Object.fromEntries(keys.map((k) => [k, mutate(value[k], depth + 1)])),
    );
    const reshaped = fc
      .tuple(
        children,
        fc.subarray(keys),
        fc.option(fc.dictionary(anyString, wrongValue, { maxKeys: 3 }), { freq: 4 }),
      )
      .map(([kids, dropped, extra]) => {
        const out: Record<string, unknown> = { ...kids, ...(extra ?? {}) };
        for (const k of dropped.slice(0, 1)) delete out[k];
        return out;
      });
    return fc.oneof(
      { weight: 6, arbitrary: reshaped },
      { weight: 1, arbitrary: fc.constant(value).map((v) => [v]) },
      { weight: 1, arbitrary: broken },
    );
  }
  return fc.oneof({ weight: 5, arbitrary: fc.constant(value) }, broken);
}

/** Keys that pollute prototypes when code merges parsed JSON into objects. */
const POLLUTION =
  '"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}';

/** The JSON text of `value` with prototype-polluting keys spliced into its outer object. */
export function withPollution(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  if (!text.startsWith('{')) return `{${POLLUTION},"value":${text}}`;
  return text === '{}' ? `{${POLLUTION}}` : `{${POLLUTION},${text.slice(1)}`;
}

/** Bodies that are not (valid) JSON, or JSON that is too big or too deep, sent as JSON. */
export const rawBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '{',
    '}',
    '[',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    'undefined',
    'NaN',
    '1e309',
    '-',
    '\u0000',
    '\ufeff{}',
    '{"a":"\\ud800"}',
    '{"a":"\\u0000"}',
    '{"__proto__":null}',
    'null',
    'true',
    '0',
    '""',
    '[]',
    '<xml/>',
    'a=1&b=2',
    '--boundary\r\nContent-Disposition: form-data; name="file"\r\n\r\nx\r\n--boundary--',
  ),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(10, 1_000, 20_000, 200_000).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.constantFrom(10, 1_000, 20_000, 100_000).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
  fc.constantFrom(100_000, 1_200_000).map((n) => JSON.stringify({ name: 'x'.repeat(n) })),
);

/** Every table of the database, by name. */
export async function tablesOf(database: DatabaseHandle): Promise<string[]> {
  const rows =
    database.dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
          database.db,
        )
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(
          database.db,
        );
  return rows.rows.map((r) => r.name).sort();
}

/** Tables with a `version` column: its sum changes on every update, not only on inserts. */
export async function versionedTables(database: DatabaseHandle, tables: string[]) {
  const out: string[] = [];
  for (const t of tables) {
    const cols =
      database.dialect === 'sqlite'
        ? (
            await sql<{ name: string }>`select name from pragma_table_info(${t})`.execute(
              database.db,
            )
          ).rows
        : (
            await sql<{
              name: string;
            }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${t}`.execute(
              database.db,
            )
          ).rows;
    if (cols.some((c) => c.name === 'version')) out.push(t);
  }
  return out;
}

/**
 * One query counting the rows of every table (and summing `version` where there is one), given
 * as `table: expression`; the caller chooses the expression for tables it counts differently.
 */
export function snapshotQuery(
  database: DatabaseHandle,
  counted: Record<string, string>,
): () => Promise<Record<string, number>> {
  const columns = Object.entries(counted)
    .map(([name, expr]) => `(${expr}) as "${name}"`)
    .join(', ');
  const query = sql.raw<Record<string, unknown>>(`select ${columns}`);
  return async () => {
    const { rows } = await query.execute(database.db);
    return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
  };
}
