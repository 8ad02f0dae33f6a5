import { type Compilable, CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './schema.ts';

const ARG = '\u0000arg:';

/**
 * Stands in for the arguments while the query is built once: `p.name` becomes a marker that
 * each run replaces with its own `name`. Typed as the arguments so the builder still checks.
 */
export type Placeholders<A> = { readonly [K in keyof A]: A[K] };

export type PreparedQuery<A, R> = {
  /** Rows of a select, or of a write with `returning`. */
  rows(db: Kysely<Database>, args: A): Promise<R[]>;
  first(db: Kysely<Database>, args: A): Promise<R | undefined>;
  /** Rows changed by an update or delete. */
  affected(db: Kysely<Database>, args: A): Promise<number>;
};

type Slot = { arg: string } | { value: unknown };

/**
 * A query built and compiled once per dialect, then run with new arguments. Building and
 * compiling a Kysely query costs more than SQLite takes to run it; the sync engine runs a few
 * of them for every record it sends, so its hottest ones are prepared.
 */
export function prepareQuery<A extends Record<string, unknown>, R>(
  build: (db: Kysely<Database>, p: Placeholders<A>) => Compilable<R>,
): PreparedQuery<A, R> {
  // Keyed by the dialect's adapter: the same for a Kysely instance and its transactions.
  const templates = new WeakMap<object, { sql: string; slots: Slot[] }>();
  const placeholders = new Proxy({} as Placeholders<A>, {
    get: (_target, key) => `${ARG}${String(key)}`,
  });

  function compiled(db: Kysely<Database>, args: A): CompiledQuery<R> {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) {
      const query = build(db, placeholders).compile();
      template = {
        sql: query.sql,
        slots: query.parameters.map((v) =>
          typeof v === 'string' && v.startsWith(ARG) ? { arg: v.slice(ARG.length) } : { value: v },
        ),
      };
      templates.set(adapter, template);
    }
    const parameters = template.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    return CompiledQuery.raw(template.sql, parameters) as CompiledQuery<R>;
  }

  const run = (db: Kysely<Database>, args: A): Promise<QueryResult<R>> =>
    db.executeQuery(compiled(db, args));

  return {
    rows: async (db, args) => (await run(db, args)).rows,
    first: async (db, args) => (await run(db, args)).rows[0],
    affected: async (db, args) => Number((await run(db, args)).numAffectedRows ?? 0),
  };
}
