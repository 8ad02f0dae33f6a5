import type { Database } from '@tandem/storage';
import { insertRows, timeOrderedId, writeJson } from '@tandem/storage';
import type { Kysely, Transaction } from 'kysely';
import type { ActionContext } from '../context.ts';
import type { ReadStore, Store } from '../store.ts';
import { type Changes, diffRows } from './changes.ts';
import { decodeRow, encodeRow, RECORD_TABLES } from './record-tables.ts';
import type { NewRow, RecordTable, RowPatch, Rows } from './rows.ts';

/**
 * The only way to change a record. Every method writes the row and its `record_events` row in
 * the same transaction, so a record cannot change without its event.
 */
export interface WriteTx {
  readonly ctx: ActionContext;
  readonly read: ReadStore;
  /** Reads one row for update (row-locked on PostgreSQL; SQLite serialises writers anyway). */
  load<T extends RecordTable>(table: T, id: string): Promise<Rows[T] | undefined>;
  create<T extends RecordTable>(table: T, row: NewRow<T>): Promise<Rows[T]>;
  /** Several rows of one table and their events in two statements. */
  createMany<T extends RecordTable>(table: T, rows: NewRow<T>[]): Promise<Rows[T][]>;
  /** Applies `patch`; a patch that changes nothing writes nothing and emits nothing. */
  update<T extends RecordTable>(
    table: T,
    before: Rows[T],
    patch: RowPatch<T>,
    options?: { keepVersion?: boolean },
  ): Promise<Rows[T]>;
  remove<T extends RecordTable>(table: T, before: Rows[T]): Promise<void>;
  /** Next number in a counter scope, allocated inside this transaction. */
  nextNumber(scope: string): Promise<number>;
}

// Table names are dynamic inside the writer; its public surface above is fully typed.
type AnyDatabase = Record<string, Record<string, unknown>>;
type AnyRow = Record<string, unknown>;

/** Time-ordered, so new rows append to their indexes (see `timeOrderedId`). */
export function newId(): string {
  return timeOrderedId();
}

function eventRow(
  ctx: ActionContext,
  table: RecordTable,
  action: 'create' | 'update' | 'delete',
  row: AnyRow,
  changes: Changes,
) {
  const parent = RECORD_TABLES[table].parent?.(row) ?? null;
  return {
    workspace_id: row.workspace_id as string,
    record_type: RECORD_TABLES[table].recordType,
    record_id: row.id as string,
    action,
    changes: writeJson(changes),
    record_version: action === 'delete' ? null : ((row.version as number | undefined) ?? null),
    parent_type: parent?.type ?? null,
    parent_id: parent?.id ?? null,
    actor_id: ctx.actorId,
    origin: ctx.origin,
    created_at: ctx.now.toISOString(),
  };
}

async function appendEvent(
  trx: Transaction<Database>,
  ctx: ActionContext,
  table: RecordTable,
  action: 'create' | 'update' | 'delete',
  row: AnyRow,
  changes: Changes,
): Promise<void> {
  await insertRows(trx, 'record_events', [eventRow(ctx, table, action, row, changes)]);
}

function writer(trx: Transaction<Database>, store: Store, ctx: ActionContext): WriteTx {
  const any = trx as unknown as Kysely<AnyDatabase>;
  const now = ctx.now.toISOString();

  async function createMany<T extends RecordTable>(
    table: T,
    inputs: NewRow<T>[],
  ): Promise<Rows[T][]> {
    if (inputs.length === 0) return [];
    const audit = RECORD_TABLES[table].audit;
    const rows = inputs.map((input) => {
      const row: AnyRow = { ...input };
      if (audit.includes('version')) row.version = 1;
      if (audit.includes('created_by')) row.created_by = ctx.actorId;
      if (audit.includes('updated_by')) row.updated_by = ctx.actorId;
      if (audit.includes('created_at')) row.created_at = now;
      if (audit.includes('updated_at')) row.updated_at = now;
      return row;
    });
    await insertRows(
      trx,
      table,
      rows.map((row) => encodeRow(table, row)),
    );
    await insertRows(
      trx,
      'record_events',
      rows.map((row) =>
        eventRow(ctx, table, 'create', row, diffRows(null, row, RECORD_TABLES[table].omit)),
      ),
    );
    return rows as Rows[T][];
  }

  return {
    ctx,
    read: { db: trx, dialect: store.dialect },

    async load(table, id) {
      let query = any.selectFrom(table).selectAll().where('id', '=', id);
      if (store.dialect === 'postgres') query = query.forUpdate();
      const raw = await query.executeTakeFirst();
      return raw && decodeRow(table, raw);
    },

    async create(table, input) {
      const [row] = await createMany(table, [input]);
      return row!;
    },

    createMany,

    async update(table, before, patch, options = {}) {
      const spec = RECORD_TABLES[table];
      const current = before as unknown as AnyRow;
      const next: AnyRow = { ...current };
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) next[key] = value;
      const changes = diffRows(current, next, spec.omit);
      if (Object.keys(changes).length === 0) return before;

      const set: AnyRow = {};
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) set[key] = value;
      if (spec.audit.includes('version') && !options.keepVersion) {
        next.version = (current.version as number) + 1;
        set.version = next.version;
      }
      if (spec.audit.includes('updated_by')) set.updated_by = next.updated_by = ctx.actorId;
      if (spec.audit.includes('updated_at')) set.updated_at = next.updated_at = now;

      let query = any
        .updateTable(table as string)
        .set(encodeRow(table, set))
        .where('id', '=', current.id);
      if (spec.audit.includes('version')) query = query.where('version', '=', current.version);
      const result = await query.executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        // Callers load with `load()` first, so this only happens when that contract is broken.
        throw new Error(`${table} ${String(current.id)} changed underneath this transaction`);
      }
      await appendEvent(trx, ctx, table, 'update', next, changes);
      return next as Rows[typeof table];
    },

    async remove(table, before) {
      const row = before as unknown as AnyRow;
      await any
        .deleteFrom(table as string)
        .where('id', '=', row.id)
        .execute();
      await appendEvent(
        trx,
        ctx,
        table,
        'delete',
        row,
        diffRows(row, null, RECORD_TABLES[table].omit),
      );
    },

    async nextNumber(scope) {
      const row = await trx
        .insertInto('reference_counters')
        .values({ scope, last_value: 1 })
        .onConflict((oc) =>
          oc.column('scope').doUpdateSet((eb) => ({
            last_value: eb('reference_counters.last_value', '+', 1),
          })),
        )
        .returning('last_value')
        .executeTakeFirstOrThrow();
      return Number(row.last_value);
    },
  };
}

/** Runs `fn` in one transaction; if it throws, nothing it wrote (rows or events) remains. */
export function runWrite<T>(
  store: Store,
  ctx: ActionContext,
  fn: (tx: WriteTx) => Promise<T>,
): Promise<T> {
  return store.db.transaction().execute((trx) => fn(writer(trx, store, ctx)));
}

/** Runs `fn` inside a transaction the caller already holds (the sync runner's), same rules. */
export function writeWithin<T>(
  trx: Transaction<Database>,
  store: Store,
  ctx: ActionContext,
  fn: (tx: WriteTx) => Promise<T>,
): Promise<T> {
  return fn(writer(trx, store, ctx));
}
