import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Dialect } from '../column-types.ts';
import { type DatabaseHandle, openDatabase } from '../open-database.ts';

export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestDatabase = DatabaseHandle & { cleanup(): Promise<void> };

let postgresProbe: Promise<string | null> | undefined;

/** Resolves to null when PostgreSQL answers, or to the reason it does not. */
export function probePostgres(): Promise<string | null> {
  postgresProbe ??= (async () => {
    const client = new pg.Client({
      connectionString: TEST_POSTGRES_URL,
      connectionTimeoutMillis: 3000,
    });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      return `${(error as { code?: string }).code ?? (error as Error).message}`;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return postgresProbe;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Kysely's migrator reads the catalog of every schema; a schema dropped by a parallel test file in
 * the middle of that read fails it ("relation … does not exist"). Migrations share this lock and
 * drops take it alone, so the two never overlap.
 */
const SCHEMA_LOCK = 720_417;

async function underSchemaLock<T>(mode: 'shared' | 'exclusive', fn: () => Promise<T>): Promise<T> {
  const suffix = mode === 'shared' ? '_shared' : '';
  return withAdmin(async (client) => {
    await client.query(`select pg_advisory_lock${suffix}($1)`, [SCHEMA_LOCK]);
    try {
      return await fn();
    } finally {
      await client.query(`select pg_advisory_unlock${suffix}($1)`, [SCHEMA_LOCK]);
    }
  });
}

/** A migrated database of its own: a temp SQLite file, or a fresh PostgreSQL schema. */
export async function openTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-test-'));
    const handle = await openDatabase({ dialect: 'sqlite', path: join(dir, 'test.sqlite') });
    await handle.migrate();
    return Object.assign(handle, {
      async cleanup() {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    });
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`create schema ${schema}`));
  const handle = await openDatabase({
    dialect: 'postgres',
    url: TEST_POSTGRES_URL,
    schema,
    poolSize: 4,
  });
  await underSchemaLock('shared', () => handle.migrate());
  return Object.assign(handle, {
    async cleanup() {
      await handle.close();
      await underSchemaLock('exclusive', () =>
        withAdmin((c) => c.query(`drop schema ${schema} cascade`)),
      );
    },
  });
}
