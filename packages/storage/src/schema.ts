import type { Generated } from 'kysely';

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

export interface Database {
  jobs: JobsTable;
  job_queues: JobQueuesTable;
  users: UsersTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
}
