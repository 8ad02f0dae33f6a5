import { readBoolean, readJson, writeJson } from '@tandem/storage';
import type { RecordTable } from './rows.ts';

/** What the outbox calls each kind of record. */
export type EventRecordType =
  | 'workflow'
  | 'workflow_status'
  | 'release'
  | 'initiative'
  | 'feature'
  | 'requirement'
  | 'attachment'
  | 'custom_field'
  | 'integration_field';

type TableSpec = {
  recordType: EventRecordType;
  json: readonly string[];
  booleans: readonly string[];
  /** Columns left out of event changes (bytes, for instance). */
  omit: readonly string[];
  /** Which audit columns the table has; the writer fills exactly these. */
  audit: readonly ('version' | 'created_by' | 'updated_by' | 'created_at' | 'updated_at')[];
  /** The record a row belongs to, named on its events (a requirement's feature, …). */
  parent?: (row: Record<string, unknown>) => { type: string; id: string };
};

const ownRecord = (row: Record<string, unknown>) => ({
  type: String(row.record_type),
  id: String(row.record_id),
});

const FULL_AUDIT = ['version', 'created_by', 'updated_by', 'created_at', 'updated_at'] as const;

export const RECORD_TABLES: Record<RecordTable, TableSpec> = {
  workflows: { recordType: 'workflow', json: [], booleans: [], omit: [], audit: ['created_at'] },
  workflow_statuses: {
    recordType: 'workflow_status',
    json: [],
    booleans: [],
    omit: [],
    audit: ['created_at'],
    parent: (row) => ({ type: 'workflow', id: String(row.workflow_id) }),
  },
  releases: {
    recordType: 'release',
    json: [],
    booleans: ['parking_lot'],
    omit: [],
    audit: FULL_AUDIT,
  },
  initiatives: { recordType: 'initiative', json: [], booleans: [], omit: [], audit: FULL_AUDIT },
  features: {
    recordType: 'feature',
    json: ['tags', 'custom_fields'],
    booleans: [],
    omit: [],
    audit: FULL_AUDIT,
  },
  requirements: {
    recordType: 'requirement',
    json: ['custom_fields'],
    booleans: [],
    omit: [],
    audit: FULL_AUDIT,
    parent: (row) => ({ type: 'feature', id: String(row.feature_id) }),
  },
  attachments: {
    recordType: 'attachment',
    json: [],
    booleans: [],
    omit: ['content'],
    audit: ['created_by', 'created_at'],
    parent: ownRecord,
  },
  custom_field_definitions: {
    recordType: 'custom_field',
    json: ['options'],
    booleans: ['required'],
    omit: [],
    audit: ['version', 'created_at', 'updated_at'],
  },
  integration_fields: {
    recordType: 'integration_field',
    json: ['value'],
    booleans: [],
    omit: [],
    audit: ['created_at', 'updated_at'],
    parent: ownRecord,
  },
};

/** Domain values → column values (JSON as text/jsonb input). */
export function encodeRow(
  table: RecordTable,
  row: Record<string, unknown>,
): Record<string, unknown> {
  const spec = RECORD_TABLES[table];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined) continue;
    out[key] = spec.json.includes(key) ? writeJson(value) : value;
  }
  return out;
}

/** Column values as either driver returns them → domain values. */
export function decodeRow<T>(table: RecordTable, raw: Record<string, unknown>): T {
  const spec = RECORD_TABLES[table];
  const out: Record<string, unknown> = { ...raw };
  for (const key of spec.json) if (key in out) out[key] = readJson(out[key]);
  for (const key of spec.booleans) if (key in out) out[key] = readBoolean(out[key]);
  return out as T;
}
