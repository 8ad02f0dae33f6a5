import type { ColumnType, Generated } from 'kysely';
import type { IntegrationTables } from './tables/integrations.ts';

/** Row types as Kysely sees them. Timestamps are ISO-8601 strings on both dialects. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export interface WorkspacesTable {
  id: string;
  key: string;
  name: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: 'owner' | 'contributor' | 'viewer';
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  /** When the session was last used (at most a minute stale); null until its first reuse. */
  last_seen_at: string | null;
}

/** One rate-limit bucket: how many hits `bucket_key` had in the window starting at `window_start`. */
export interface RateLimitsTable {
  bucket_key: string;
  window_start: string;
  count: number;
  expires_at: string;
}

export interface JobsTable {
  id: Generated<number>;
  task: string;
  payload: unknown;
  queue_name: string | null;
  job_key: string | null;
  run_at: string;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  status: Generated<'pending' | 'failed'>;
  last_error: string | null;
  locked_by: string | null;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface JobQueuesTable {
  queue_name: string;
  locked_by: string | null;
  locked_until: string | null;
}

/** JSON columns: text on SQLite, jsonb on PostgreSQL; always written with `writeJson`. */
export type JsonColumn = ColumnType<unknown, string, string>;
/** Boolean columns: 0/1 on SQLite, boolean on PostgreSQL; read with `readBoolean`. */
export type BooleanColumn = ColumnType<boolean | number, boolean, boolean>;
export type RecordTypeColumn = 'release' | 'initiative' | 'feature' | 'requirement';

export interface WorkflowsTable {
  id: string;
  workspace_id: string;
  record_type: RecordTypeColumn;
  name: string;
  created_at: string;
}

export interface WorkflowStatusesTable {
  id: string;
  workspace_id: string;
  workflow_id: string;
  name: string;
  category: 'not_started' | 'in_progress' | 'done' | 'wont_do';
  color: string;
  position: number;
  created_at: string;
}

export interface ReferenceCountersTable {
  scope: string;
  last_value: number;
}

interface Audited {
  version: number;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReleasesTable extends Audited {
  id: string;
  workspace_id: string;
  reference_num: string;
  name: string;
  start_date: string | null;
  release_date: string | null;
  status_id: string;
  parking_lot: BooleanColumn;
  position: number;
}

export interface InitiativesTable extends Audited {
  id: string;
  workspace_id: string;
  reference_num: string;
  name: string;
  description_html: string;
  status_id: string;
}

export interface FeaturesTable extends Audited {
  id: string;
  workspace_id: string;
  reference_num: string;
  name: string;
  description_html: string;
  status_id: string;
  release_id: string;
  initiative_id: string | null;
  assignee_id: string | null;
  tags: JsonColumn;
  score: number | null;
  custom_fields: JsonColumn;
  rank: number;
}

export interface RequirementsTable extends Audited {
  id: string;
  workspace_id: string;
  feature_id: string;
  reference_num: string;
  name: string;
  description_html: string;
  status_id: string;
  assignee_id: string | null;
  custom_fields: JsonColumn;
  rank: number;
}

export interface AttachmentsTable {
  id: string;
  workspace_id: string;
  record_type: RecordTypeColumn;
  record_id: string;
  file_name: string;
  content_type: string;
  size: number;
  content: Uint8Array;
  created_by: string | null;
  created_at: string;
}

export interface CustomFieldDefinitionsTable {
  id: string;
  workspace_id: string;
  record_type: RecordTypeColumn;
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'select';
  options: JsonColumn;
  required: BooleanColumn;
  position: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface IntegrationFieldsTable {
  id: string;
  workspace_id: string;
  integration_id: string;
  record_type: RecordTypeColumn;
  record_id: string;
  key: string;
  /** JSON text on both dialects (any JSON value, strings included). */
  value: string;
  created_at: string;
  updated_at: string;
}

/** The outbox of record changes; `seq` is monotonic in commit order per writer. */
export interface RecordEventsTable {
  seq: Generated<number>;
  workspace_id: string;
  record_type: string;
  record_id: string;
  action: 'create' | 'update' | 'delete';
  changes: JsonColumn;
  record_version: number | null;
  /** The record this one belongs to (e.g. a requirement's feature), when there is one. */
  parent_type: string | null;
  parent_id: string | null;
  actor_id: string | null;
  origin: string;
  created_at: string;
}

/** How far a durable consumer of `record_events` has read (one row per consumer). */
export interface OutboxCursorsTable {
  consumer: string;
  last_seq: number;
  updated_at: string;
}

export interface Database extends IntegrationTables {
  outbox_cursors: OutboxCursorsTable;
  jobs: JobsTable;
  job_queues: JobQueuesTable;
  users: UsersTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  workflows: WorkflowsTable;
  workflow_statuses: WorkflowStatusesTable;
  reference_counters: ReferenceCountersTable;
  releases: ReleasesTable;
  initiatives: InitiativesTable;
  features: FeaturesTable;
  requirements: RequirementsTable;
  attachments: AttachmentsTable;
  custom_field_definitions: CustomFieldDefinitionsTable;
  integration_fields: IntegrationFieldsTable;
  record_events: RecordEventsTable;
}
