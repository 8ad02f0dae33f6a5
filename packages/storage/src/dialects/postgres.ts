import { PostgresDialect } from 'kysely';
import pg from 'pg';

const INT8 = 20;
const TIMESTAMPTZ = 1184;
const NUMERIC = 1700;

/** Per-pool type parsers so both dialects hand the repositories the same JS values. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    if (oid === TIMESTAMPTZ) return (v: string) => new Date(v).toISOString();
    return pg.types.getTypeParser(oid, format);
  },
};

export type PostgresOptions = { url: string; schema?: string; max?: number };

export function createPostgresPool({ url, schema, max = 10 }: PostgresOptions): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5000,
    types,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
}

export function postgresDialect(pool: pg.Pool): PostgresDialect {
  return new PostgresDialect({ pool });
}
