import type { ColumnDataType } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** Column types per dialect, so one migration describes both databases. */
export type ColumnTypes = Record<
  'id' | 'text' | 'integer' | 'real' | 'boolean' | 'timestamp' | 'json' | 'blob',
  ColumnDataType
>;

export function columnTypes(dialect: Dialect): ColumnTypes {
  return dialect === 'postgres'
    ? {
        id: 'text',
        text: 'text',
        integer: 'integer',
        real: 'double precision',
        boolean: 'boolean',
        timestamp: 'timestamptz',
        json: 'jsonb',
        blob: 'bytea',
      }
    : {
        id: 'text',
        text: 'text',
        integer: 'integer',
        real: 'real',
        boolean: 'integer',
        timestamp: 'text',
        json: 'text',
        blob: 'blob',
      };
}

/** SQLite hands JSON columns back as text and booleans as 0/1; PostgreSQL as values. */
export function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function readBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}
