import { CompiledQuery, type Kysely } from 'kysely';

const MARK = '\u0000cell:';
/** Shapes kept per dialect; a shape is a table, its columns and a row count. */
const MAX_SHAPES = 300;

type Template = { sql: string; cells: Array<{ row: number; column: string } | { value: unknown }> };
const templates = new WeakMap<object, Map<string, Template>>();

/**
 * `insert into <table> (...) values (...), (...)` for rows that share their columns, with the
 * statement built and compiled by Kysely once per shape and then reused. Building a multi-row
 * insert costs Kysely more than SQLite needs to run it, and the roadmap's writer and the
 * integration log insert rows of the same few shapes for every record a bulk send links.
 * Rows with differing columns or `undefined` values (Kysely leaves those columns out) take
 * Kysely's own path.
 */
export async function insertRows(
  // biome-ignore lint/suspicious/noExplicitAny: table names are dynamic here
  db: Kysely<any>,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const uniform = rows.every((row) => {
    const keys = Object.keys(row);
    return (
      keys.length === columns.length &&
      keys.every((k, i) => k === columns[i] && row[k] !== undefined)
    );
  });
  if (!uniform) {
    await db.insertInto(table).values(rows).execute();
    return;
  }
  const adapter = db.getExecutor().adapter;
  const shapes = templates.get(adapter) ?? new Map<string, Template>();
  templates.set(adapter, shapes);
  const key = `${table}|${rows.length}|${columns.join(',')}`;
  let template = shapes.get(key);
  if (!template) {
    const marked = rows.map((_, i) =>
      Object.fromEntries(columns.map((c) => [c, `${MARK}${i}:${c}`])),
    );
    const query = db.insertInto(table).values(marked).compile();
    template = {
      sql: query.sql,
      cells: query.parameters.map((p) => {
        if (typeof p !== 'string' || !p.startsWith(MARK)) return { value: p };
        const [row, column] = p.slice(MARK.length).split(/:(.*)/s);
        return { row: Number(row), column: column! };
      }),
    };
    if (shapes.size >= MAX_SHAPES) shapes.delete(shapes.keys().next().value!);
    shapes.set(key, template);
  }
  const parameters = template.cells.map((c) => ('value' in c ? c.value : rows[c.row]![c.column]));
  await db.executeQuery(CompiledQuery.raw(template.sql, parameters));
}
