import { afterAll, beforeAll, describe } from 'vitest';
import type { Dialect } from '../column-types.ts';
import { openTestDatabase, probePostgres, type TestDatabase } from './test-database.ts';

const postgresDown = await probePostgres();
const ci = process.env.CI === 'true';

if (postgresDown && ci) {
  throw new Error(`PostgreSQL is required under CI but is not reachable: ${postgresDown}`);
}
if (postgresDown) {
  console.warn(`⚠ PostgreSQL not reachable (${postgresDown}); its suites are skipped locally.`);
}

/**
 * Registers the same suite once per dialect, each with its own migrated database
 * (a temp SQLite file, a fresh PostgreSQL schema) for the whole file.
 */
export function describeEachDialect(
  name: string,
  suite: (db: () => TestDatabase, dialect: Dialect) => void,
): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const run = dialect === 'postgres' && postgresDown ? describe.skip : describe;
    run(`${name} [${dialect}]`, () => {
      let handle: TestDatabase | undefined;
      beforeAll(async () => {
        handle = await openTestDatabase(dialect);
      });
      afterAll(async () => {
        await handle?.cleanup();
      });
      suite(() => {
        if (!handle) throw new Error('test database not open yet');
        return handle;
      }, dialect);
    });
  }
}
