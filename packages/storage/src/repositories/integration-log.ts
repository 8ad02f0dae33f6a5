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

/** The record a log entry is about, as people know it: its reference and name. */
export type LoggedRecord = {
  referenceNum: string;
  name: string;
  /** A requirement's feature (APP-9 for APP-9-1): where the requirement is shown. */
  featureReferenceNum: string | null;
};

export type LogEntryWithRecord = IntegrationLogEntry & { record: LoggedRecord | null };

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
  async function list(filter: LogFilter): Promise<IntegrationLogEntry[]> {
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
  }

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

    list,

    /**
     * `list`, each entry with the record it is about (reference and name), looked up in the
     * entry's own workspace: an id from elsewhere, or a record since deleted, gives `null`.
     */
    async listWithRecords(filter: LogFilter): Promise<LogEntryWithRecord[]> {
      const entries = await list(filter);
      const records = await lookUpRecords(db, entries);
      return entries.map((e) => ({
        ...e,
        record:
          (e.recordId && records.get(`${e.workspaceId}:${e.recordType}:${e.recordId}`)) || null,
      }));
    },

    /** The distinct events an integration has logged, alphabetically (the log's event filter). */
    async events(integrationId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('integration_log')
        .select('event')
        .distinct()
        .where('integration_id', '=', integrationId)
        .orderBy('event')
        .execute();
      return rows.map((r) => r.event);
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

/** `workspace:type:id` → the record, for the records these entries name (one query per type). */
async function lookUpRecords(
  db: Db,
  entries: readonly IntegrationLogEntry[],
): Promise<Map<string, LoggedRecord>> {
  const found = new Map<string, LoggedRecord>();
  const idsOf = (type: string) => [
    ...new Set(entries.filter((e) => e.recordType === type && e.recordId).map((e) => e.recordId!)),
  ];
  const workspaces = [...new Set(entries.map((e) => e.workspaceId))];
  if (workspaces.length === 0) return found;
  const put = (
    type: string,
    r: { id: string; workspace_id: string } & Omit<LoggedRecord, 'featureReferenceNum'> & {
        featureReferenceNum?: string | null;
      },
  ) =>
    found.set(`${r.workspace_id}:${type}:${r.id}`, {
      referenceNum: r.referenceNum,
      name: r.name,
      featureReferenceNum: r.featureReferenceNum ?? null,
    });

  for (const table of ['features', 'releases', 'initiatives'] as const) {
    const type = table.slice(0, -1);
    const ids = idsOf(type);
    if (ids.length === 0) continue;
    const rows = await db
      .selectFrom(table)
      .select(['id', 'workspace_id', 'reference_num as referenceNum', 'name'])
      .where('id', 'in', ids)
      .where('workspace_id', 'in', workspaces)
      .execute();
    for (const r of rows) put(type, r);
  }
  const requirementIds = idsOf('requirement');
  if (requirementIds.length > 0) {
    const rows = await db
      .selectFrom('requirements')
      .innerJoin('features', 'features.id', 'requirements.feature_id')
      .select([
        'requirements.id as id',
        'requirements.workspace_id as workspace_id',
        'requirements.reference_num as referenceNum',
        'requirements.name as name',
        'features.reference_num as featureReferenceNum',
      ])
      .where('requirements.id', 'in', requirementIds)
      .where('requirements.workspace_id', 'in', workspaces)
      .execute();
    for (const r of rows) put('requirement', r);
  }
  return found;
}
