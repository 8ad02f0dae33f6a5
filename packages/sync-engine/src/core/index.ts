/**
 * The pure core of the sync engine: plain values in, plain values out. No I/O, no clock, no
 * randomness; the runner (`src/runner/`) loads, calls, stores and performs.
 */
export {
  type FieldDirection,
  type FieldMapping,
  fieldDirectionSchema,
  fieldMappingSchema,
  fieldValueSchema,
  type IntegrationConfig,
  integrationConfigSchema,
  type ProjectScope,
  projectScopeSchema,
  type RecordMapping,
  type RelationshipLink,
  recordMappingFor,
  recordMappingSchema,
  relationshipLinkSchema,
  roadmapFieldKeySchema,
  roadmapKindSchema,
  type StatusGroup,
  type StatusMapping,
  statusGroupSchema,
  statusMappingSchema,
  type ValueMapEntry,
  valueMapEntrySchema,
} from './config.ts';
export { decide, legalTransitions } from './decide.ts';
export {
  type DiffInput,
  diffRecord,
  type FieldConflict,
  isEmptyPlan,
  localChanges,
  type MappedPair,
  mappedPairs,
  snapshotAfterSync,
  type UpdatePlan,
} from './diff.ts';
export { type DryRun, dryRun, type KindCounts } from './dry-run.ts';
export { decideImport, type ImportDecision, type ImportInput } from './import.ts';
export {
  type IncomingPlan,
  planIncoming,
  type SnapshotAfterIncoming,
  snapshotAfterIncoming,
  snapshotAfterSend,
} from './incoming.ts';
export { debounceJobKey, retryJobKey } from './lifecycle/handlers.ts';
export {
  DEBOUNCE_MS,
  type Debounce,
  type Decision,
  type LinkTarget,
  MAX_ATTEMPTS,
  type RecordSync,
  type RemoteOperation,
  retryDelayMs,
  SYNC_EVENT_TYPES,
  SYNC_STATE_NAMES,
  type SyncContext,
  type SyncEffect,
  type SyncEffectType,
  type SyncEvent,
  type SyncEventType,
  type SyncState,
  type SyncStateName,
} from './lifecycle/model.ts';
export * from './mapping/index.ts';
export {
  type PreflightIssue,
  type PreflightReport,
  preflight,
  type RemoteFieldDefinition,
  type RemoteTypeDefinition,
  type RoadmapDefinitions,
} from './preflight.ts';
export {
  ancestorsOf,
  isInScope,
  projectsToWatch,
  type RemoteProject,
  type RemoteProjectPath,
} from './scope.ts';
export {
  type PlannedRecord,
  type PlanStep,
  type PlanWarning,
  planSend,
  type SendPlan,
  type SendPlanInput,
  type SendSelection,
  type SkippedRecord,
  type SkipReason,
} from './send-plan.ts';
export {
  autoMatchStatuses,
  moveRemoteState,
  normaliseStatusName,
  type RoadmapStatus,
  remoteToRoadmapStatus,
  roadmapToRemoteState,
  type UnmappedStatuses,
  unmappedStatuses,
} from './status-mapping.ts';
export {
  type CustomRoadmapField,
  type FieldValue,
  type IntegrationLink,
  type IntegrationOrigin,
  integrationOrigin,
  type RecordRef,
  type RemoteRecordSnapshot,
  type RemoteRef,
  ROADMAP_KINDS,
  type RoadmapFieldKey,
  type RoadmapFields,
  type RoadmapKind,
  type RoadmapRecord,
  STANDARD_ROADMAP_FIELDS,
  type StandardRoadmapField,
  type SyncSnapshot,
} from './types.ts';
export {
  isEmptyValue,
  type RoadmapFieldChanges,
  readRoadmapField,
  valuesEqual,
} from './values.ts';
