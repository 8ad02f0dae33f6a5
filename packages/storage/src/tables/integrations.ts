import type { Generated } from 'kysely';

export type IntegrationState =
  | 'draft'
  | 'enabled'
  | 'disabled'
  | 'needs_reauthorization'
  | 'failing';
export type IntegrationSystem = 'rally' | 'azure_devops';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface IntegrationTemplatesTable {
  id: string;
  name: string;
  system: IntegrationSystem;
  config: unknown;
  /** Encrypted JSON (see secret-box); never returned to the SPA. */
  secrets: string | null;
  /** The workspace that owns the template; owners of others use it only when it is shared. */
  created_in_workspace_id: string | null;
  /** The account URL the template's secrets were stored for; they are used for no other. */
  credentials_account_url: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface IntegrationsTable {
  id: string;
  workspace_id: string;
  system: IntegrationSystem;
  name: string;
  template_id: string | null;
  state: Generated<IntegrationState>;
  wizard_step: Generated<string>;
  config: unknown;
  secrets: string | null;
  /** The account URL the integration's own secrets were stored for; they are used for no other. */
  credentials_account_url: string | null;
  webhook: unknown | null;
  poll_cursor: string | null;
  polled_at: string | null;
  account_locked_at: string | null;
  last_sync_at: string | null;
  last_error: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface IntegrationLogTable {
  id: Generated<number>;
  integration_id: string;
  workspace_id: string;
  record_type: string | null;
  record_id: string | null;
  level: LogLevel;
  event: string;
  message: string;
  data: unknown | null;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  integration_id: string;
  change_id: string;
  received_at: string;
}

/** A verified, deduplicated remote change waiting to be applied (decision 028). */
export interface WebhookInboxTable {
  id: Generated<number>;
  integration_id: string;
  record_key: string;
  change: unknown;
  received_at: string;
  attempts: Generated<number>;
  not_before: string;
  leased_until: string | null;
  lease: string | null;
}

/** Refused webhook deliveries of one integration in one minute, and the log row showing them. */
export interface WebhookRefusalsTable {
  integration_id: string;
  minute: string;
  count: number;
  log_id: number | string | null;
}

export type ImportCandidateStatus = 'open' | 'imported' | 'dismissed';

export interface ImportCandidatesTable {
  integration_id: string;
  remote_id: string;
  remote_type: string;
  formatted_id: string;
  name: string;
  url: string | null;
  record_kind: string;
  parent_label: string | null;
  status: ImportCandidateStatus;
  first_seen_at: string;
  updated_at: string;
}

export interface RecordSyncsTable {
  integration_id: string;
  record_type: string;
  record_id: string;
  state: unknown;
  state_name: string;
  updated_at: string;
}

export interface OAuthStatesTable {
  state: string;
  user_id: string;
  /** Exactly one of the two is set: whose authorization this is. */
  integration_id: string | null;
  template_id: string | null;
  sealed_verifier: string;
  redirect_uri: string;
  created_at: string;
  expires_at: string;
}

/** A template shared by its workspace's owners with another workspace. */
export interface IntegrationTemplateSharesTable {
  template_id: string;
  workspace_id: string;
  shared_by: string | null;
  shared_at: string;
}

export interface IntegrationTables {
  oauth_states: OAuthStatesTable;
  record_syncs: RecordSyncsTable;
  integration_templates: IntegrationTemplatesTable;
  integration_template_shares: IntegrationTemplateSharesTable;
  integrations: IntegrationsTable;
  integration_log: IntegrationLogTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_inbox: WebhookInboxTable;
  webhook_refusals: WebhookRefusalsTable;
  import_candidates: ImportCandidatesTable;
}
