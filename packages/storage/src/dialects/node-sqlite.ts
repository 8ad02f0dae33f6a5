import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { type SqliteDatabase, SqliteDialect, type SqliteStatement } from 'kysely';
import { type BackgroundCheckpointer, checkpointInBackground } from './background-checkpoint.ts';

const STATEMENT_CACHE_SIZE = 256;

/** node:sqlite binds only null, numbers, bigints, strings and bytes; map the rest once here. */
function toSqlite(value: unknown): SQLInputValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && !(value instanceof Uint8Array)) return JSON.stringify(value);
  return value as SQLInputValue;
}

function adaptStatement(stmt: StatementSync): SqliteStatement {
  // better-sqlite3 tells readers from writers with `reader`; node:sqlite exposes the result columns.
  const reader = stmt.columns().length > 0;
  return {
    reader,
    all: (params) => stmt.all(...params.map(toSqlite)),
    run: (params) => stmt.run(...params.map(toSqlite)),
    iterate: (params) => stmt.iterate(...params.map(toSqlite)) as IterableIterator<unknown>,
  };
}

/** Wraps Node's built-in DatabaseSync in the small interface Kysely's SqliteDialect expects. */
export function adaptNodeSqlite(database: DatabaseSync): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = adaptStatement(database.prepare(sql));
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

export type NodeSqliteOptions = {
  /** Checkpoint the WAL on a worker thread instead of inside whichever commit crosses the limit. */
  checkpointInBackground?: boolean;
};

export function openNodeSqlite(
  path: string,
  options: NodeSqliteOptions = {},
): { dialect: SqliteDialect; raw: DatabaseSync; checkpointer?: BackgroundCheckpointer } {
  const raw = new DatabaseSync(path, { timeout: 5000 });
  // Set before the first table exists (later it needs a VACUUM). Small pages: a sync commit
  // touches many indexes by a few rows each, and SQLite writes each touched page whole to the
  // WAL; 1 KiB pages took a bulk send's commits from ~440 µs to ~280 µs (decision 015).
  raw.exec('PRAGMA page_size = 1024');
  raw.exec('PRAGMA journal_mode = WAL');
  raw.exec('PRAGMA foreign_keys = ON');
  raw.exec('PRAGMA synchronous = NORMAL');
  const checkpointer =
    options.checkpointInBackground && path !== ':memory:'
      ? checkpointInBackground(raw, path)
      : undefined;
  const dialect = new SqliteDialect({ database: adaptNodeSqlite(raw) });
  return { dialect, raw, ...(checkpointer ? { checkpointer } : {}) };
}
