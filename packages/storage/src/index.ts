export { columnTypes, type Dialect, readBoolean, readJson, writeJson } from './column-types.ts';
export { DatabaseUnavailableError, isUniqueViolation } from './errors.ts';
export { createGroupCommit, type Transact } from './group-commit.ts';
export { timeOrderedId } from './ids/time-ordered-id.ts';
export { insertRows } from './insert-rows.ts';
export {
  type DatabaseConfig,
  type DatabaseHandle,
  databaseConfigFromEnv,
  MIGRATION_NAMES,
  type MigrationState,
  openDatabase,
} from './open-database.ts';
export { type Placeholders, type PreparedQuery, prepareQuery } from './prepared-query.ts';
export {
  type ImportCandidate,
  importCandidatesRepository,
  type NewImportCandidate,
} from './repositories/import-candidates.ts';
export {
  type IntegrationLogEntry,
  integrationLogRepository,
  type LogEntryWithRecord,
  type LogFilter,
  type LoggedRecord,
  type NewLogEntry,
} from './repositories/integration-log.ts';
export {
  type IntegrationCounts,
  integrationReportRepository,
  type ReportedIntegration,
} from './repositories/integration-report.ts';
export {
  type IntegrationTemplatePatch,
  type IntegrationTemplateRow,
  integrationTemplatesRepository,
} from './repositories/integration-templates.ts';
export {
  type IntegrationPatch,
  type IntegrationRow,
  integrationsRepository,
} from './repositories/integrations.ts';
export {
  type OAuthStateRow,
  type OAuthSubject,
  oauthStatesRepository,
} from './repositories/oauth-states.ts';
export { type PlanRecord, planRecordsRepository } from './repositories/plan-records.ts';
export {
  type RateWindow,
  rateLimitsRepository,
  type TakeResult,
} from './repositories/rate-limits.ts';
export {
  type RecordSyncOverview,
  recordSyncOverviewRepository,
} from './repositories/record-sync-overview.ts';
export { type SessionRow, sessionsRepository } from './repositories/sessions.ts';
export { type User, type UserWithSecret, usersRepository } from './repositories/users.ts';
export { type RefusalCount, webhookRefusalsRepository } from './repositories/webhook-refusals.ts';
export {
  type Member,
  type Role,
  type WorkspaceRow,
  workspacesRepository,
} from './repositories/workspaces.ts';
export type {
  AttachmentsTable,
  CustomFieldDefinitionsTable,
  Database,
  FeaturesTable,
  InitiativesTable,
  IntegrationFieldsTable,
  RecordEventsTable,
  RecordTypeColumn,
  ReleasesTable,
  RequirementsTable,
  WorkflowStatusesTable,
  WorkflowsTable,
} from './schema.ts';
export { PRIVATE_FILE_MODE, writePrivateFile } from './secrets/private-file.ts';
export { type RotationResult, rotateSecretKeys } from './secrets/rotate.ts';
export {
  listSealedValues,
  type ResealResult,
  resealAll,
  type SealedValue,
  type StoredWebhookRegistration,
  sealContext,
  sealWebhookRegistration,
  withoutSecret,
} from './secrets/sealed-values.ts';
export {
  createSecretBox,
  formatKeyFile,
  type LoadedSecretKeys,
  loadSecretKey,
  loadSecretKeys,
  openSecretBox,
  reloadSecretKeys,
  type SecretBox,
  type SecretKeyOptions,
  type SecretKeySource,
  type SecretKeys,
  secretKeyId,
  UnknownSecretKeyError,
} from './secrets/secret-box.ts';
export type {
  ImportCandidateStatus,
  IntegrationState,
  IntegrationSystem,
  LogLevel,
} from './tables/integrations.ts';
