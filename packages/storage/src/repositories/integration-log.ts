import type { Kysely, Selectable, Transaction } from 'kysely';
import { readJson } from '../column-types.ts';
import { insertRows } from '../insert-rows.ts';
import { prepareQuery } from '../prepared-query.ts';
import type { Database } from '../schema.ts';
import type { IntegrationLogTable, LogLevel } from '../tables/integrations.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type IntegrationLogEntry = {
  id: number;
  integrationId: string;
  workspaceId: string;
  recordType: string | null;
  recordId: string | null;
  level: LogLevel;
  event: string;
  message: string;
  data: unknown;
  createdAt: string;
};

export type NewLogEntry = Omit<
  IntegrationLogEntry,
  'id' | 'createdAt' | 'recordType' | 'recordId' | 'data'
> & {
  recordType?: string | null;
  recordId?: string | null;
  data?: unknown;
};

export type LogFilter = {
  integrationId?: string;
  workspaceId?: string;
  recordType?: string;
  recordId?: string;
  levels?: LogLevel[];
  event?: string;
  q?: string;
  /** Entries with an id lower than this (newest first paging). */
  before?: number;
  limit?: number;
};

const toEntry = (r: Selectable<IntegrationLogTable>): IntegrationLogEntry => ({
  id: Number(r.id),
  integrationId: r.integration_id,
  workspaceId: r.workspace_id,
  recordType: r.record_type,
  recordId: r.record_id,
  level: r.level,
  event: r.event,
  message: r.message,
  data: r.data === null ? null : readJson(r.data),
  createdAt: r.created_at,
});

const toRow = (entry: NewLogEntry, at: string) => ({
  integration_id: entry.integrationId,
  workspace_id: entry.workspaceId,
  record_type: entry.recordType ?? null,
  record_id: entry.recordId ?? null,
  level: entry.level,
  event: entry.event,
  message: entry.message,
  data: entry.data === undefined ? null : JSON.stringify(entry.data),
  created_at: at,
});

const insertEntry = prepareQuery((db, p: ReturnType<typeof toRow>) =>
  db
    .insertInto('integration_log')
    .values({
      integration_id: p.integration_id,
      workspace_id: p.workspace_id,
      record_type: p.record_type,
      record_id: p.record_id,
      level: p.level,
      event: p.event,
      message: p.message,
      data: p.data,
      created_at: p.created_at,
    })
    .returningAll(),
);

/** Callers redact secrets before writing; this layer stores what it is given. */
export function integrationLogRepository(db: Db) {
  return {
    async append(entry: NewLogEntry, now = new Date().toISOString()): Promise<IntegrationLogEntry> {
      // Every record a sync touches logs a few lines: prepared once, not built each time.
      const row = await insertEntry.first(db as Kysely<Database>, toRow(entry, now));
      return toEntry(row!);
    },

    /** Many entries in one statement (a busy transport logs in batches). */
    async appendMany(entries: readonly { entry: NewLogEntry; at: string }[]): Promise<void> {
      if (entries.length === 0) return;
      await insertRows(
        db,
        'integration_log',
        entries.map(({ entry, at }) => toRow(entry, at)),
      );
    },

    async list(filter: LogFilter): Promise<IntegrationLogEntry[]> {
      let query = db.selectFrom('integration_log').selectAll();
      if (filter.integrationId) query = query.where('integration_id', '=', filter.integrationId);
      if (filter.workspaceId) query = query.where('workspace_id', '=', filter.workspaceId);
      if (filter.recordType) query = query.where('record_type', '=', filter.recordType);
      if (filter.recordId) query = query.where('record_id', '=', filter.recordId);
      if (filter.levels?.length) query = query.where('level', 'in', filter.levels);
      if (filter.event) query = query.where('event', '=', filter.event);
      if (filter.q) query = query.where('message', 'like', `%${filter.q.replace(/[%_]/g, '')}%`);
      if (filter.before) query = query.where('id', '<', filter.before);
      const rows = await query
        .orderBy('id', 'desc')
        .limit(filter.limit ?? 100)
        .execute();
      return rows.map(toEntry);
    },

    async countErrorsByIntegration(): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('integration_log')
        .select((eb) => ['integration_id', eb.fn.countAll<number>().as('n')])
        .where('level', '=', 'error')
        .groupBy('integration_id')
        .execute();
      return new Map(rows.map((r) => [r.integration_id, Number(r.n)]));
    },
  };
}
