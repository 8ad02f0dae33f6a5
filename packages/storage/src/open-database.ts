import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Dialect } from './column-types.ts';
import { openNodeSqlite } from './dialects/node-sqlite.ts';
import { createPostgresPool, postgresDialect } from './dialects/postgres.ts';
import { DatabaseUnavailableError } from './errors.ts';
import { MIGRATION_NAMES, type MigrationContext, migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';
import { PRIVATE_FILE_MODE, restrictToOwner } from './secrets/private-file.ts';

export type DatabaseConfig =
  | { dialect: 'sqlite'; path: string; checkpointInBackground?: boolean }
  | { dialect: 'postgres'; url: string; schema?: string; poolSize?: number };

export type MigrationState = { applied: number; pending: number; latest: string | null };

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** `secrets` seals what older versions stored in plain text (migration 0015). */
  migrate(context?: MigrationContext): Promise<MigrationState>;
  migrationState(): Promise<MigrationState>;
  close(): Promise<void>;
}

function describePostgres(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
}

type Opened = { db: Kysely<Database>; afterClose?: () => Promise<void> };

async function openKysely(config: DatabaseConfig): Promise<Opened> {
  if (config.dialect === 'sqlite') {
    const onDisk = config.path !== ':memory:';
    if (onDisk) {
      mkdirSync(dirname(config.path), { recursive: true, mode: 0o700 });
      // The database holds sealed credentials, sessions and users: owner-only, like the key.
      // SQLite gives the WAL and shared-memory files the database file's permissions.
      writeFileSync(config.path, '', { flag: 'a', mode: PRIVATE_FILE_MODE });
      for (const suffix of ['', '-wal', '-shm']) restrictToOwner(`${config.path}${suffix}`);
    }
    try {
      const { checkpointInBackground } = config;
      const { dialect, checkpointer } = openNodeSqlite(config.path, { checkpointInBackground });
      if (onDisk) for (const suffix of ['-wal', '-shm']) restrictToOwner(`${config.path}${suffix}`);
      const db = new Kysely<Database>({ dialect });
      return checkpointer ? { db, afterClose: () => checkpointer.stop() } : { db };
    } catch (error) {
      throw new DatabaseUnavailableError(
        `Cannot open the SQLite database at ${config.path}: ${(error as Error).message}`,
      );
    }
  }
  const pool = createPostgresPool({
    url: config.url,
    ...(config.schema ? { schema: config.schema } : {}),
    ...(config.poolSize ? { max: config.poolSize } : {}),
  });
  const db = new Kysely<Database>({ dialect: postgresDialect(pool) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => {});
    const reason = (error as { code?: string; message?: string }).code ?? (error as Error).message;
    throw new DatabaseUnavailableError(
      `Cannot reach PostgreSQL at ${describePostgres(config.url)} (${reason}). Check DATABASE_URL.`,
    );
  }
  return { db };
}

/** Opens either database behind one Kysely handle; migrations are the caller's explicit step. */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  const { db, afterClose } = await openKysely(config);
  let context: MigrationContext = {};
  const migrator = new Migrator({
    db,
    provider: migrationProvider(config.dialect, () => context),
    allowUnorderedMigrations: false,
    // Kysely looks for its tables across schemas; name ours, or a sibling schema's tables
    // (another test file, another tenant) would be mistaken for this one's.
    ...(config.dialect === 'postgres' && config.schema
      ? { migrationTableSchema: config.schema }
      : {}),
  });

  async function migrationState(): Promise<MigrationState> {
    const all = await migrator.getMigrations();
    const applied = all.filter((m) => m.executedAt);
    return {
      applied: applied.length,
      pending: all.length - applied.length,
      latest: applied.at(-1)?.name ?? null,
    };
  }

  return {
    db,
    dialect: config.dialect,
    async migrate(options = {}) {
      context = options;
      const { error, results } = await migrator.migrateToLatest().finally(() => {
        context = {};
      });
      if (error) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
        throw new Error(`Migration ${failed} failed: ${(error as Error).message}`);
      }
      return migrationState();
    },
    migrationState,
    async close() {
      await db.destroy();
      await afterClose?.();
    },
  };
}

/**
 * Reads DATABASE_URL the way the server does: set → PostgreSQL, unset → SQLite under dataDir
 * (a long-running process: WAL checkpoints run on a worker thread, off the event loop).
 */
export function databaseConfigFromEnv(env: {
  DATABASE_URL?: string | undefined;
  dataDir: string;
}): DatabaseConfig {
  return env.DATABASE_URL
    ? { dialect: 'postgres', url: env.DATABASE_URL }
    : { dialect: 'sqlite', path: `${env.dataDir}/tandem.sqlite`, checkpointInBackground: true };
}

export { MIGRATION_NAMES };
