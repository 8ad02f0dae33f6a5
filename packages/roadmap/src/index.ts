export { addAttachment, deleteAttachment } from './attachments/commands.ts';
export {
  type AttachmentMeta,
  getAttachmentContent,
  listAttachments,
} from './attachments/queries.ts';
export { type ActionContext, integrationContext, type Origin, userContext } from './context.ts';
export {
  createCustomField,
  deleteCustomField,
  updateCustomField,
} from './custom-fields/commands.ts';
export { listCustomFields } from './custom-fields/queries.ts';
export {
  AttachmentTooLargeError,
  ConflictError,
  type FieldIssue,
  NotFoundError,
  RoadmapError,
  StaleVersionError,
  ValidationError,
} from './errors.ts';
export type { Changes } from './events/changes.ts';
export { lastEventSeq, listEvents, type RecordEvent } from './events/queries.ts';
export type { EventRecordType } from './events/record-tables.ts';
export { runWrite, type WriteTx, writeWithin } from './events/write.ts';
export { createFeature, deleteFeature, updateFeature } from './features/commands.ts';
export { type FeatureDetailData, getFeatureDetail } from './features/detail.ts';
export { moveFeature } from './features/move.ts';
export {
  findFeature,
  findFeatureInWorkspace,
  listFeatures,
  toFeature,
} from './features/queries.ts';
export { sanitizeRichText } from './html/sanitize.ts';
export { createInitiative, deleteInitiative, updateInitiative } from './initiatives/commands.ts';
export { listInitiatives } from './initiatives/queries.ts';
export {
  clearIntegrationFields,
  getIntegrationFields,
  removeIntegrationFieldsOf,
  setIntegrationFields,
  setIntegrationFieldsIn,
} from './integration-fields/commands.ts';
export {
  type OwnedRecordKind,
  type OwnedRecordRef,
  recordsOutsideWorkspace,
  workspaceOfRecord,
} from './ownership/record-workspace.ts';
export { createRelease, deleteRelease, updateRelease } from './releases/commands.ts';
export { listReleases } from './releases/queries.ts';
export { applyRemoteValues, type RemoteApplyResult } from './remote-values/apply.ts';
export { importFeature, importRequirement } from './remote-values/import.ts';
export type {
  RefusedValue,
  RemoteValueKey,
  RemoteValues,
} from './remote-values/values.ts';
export {
  createRequirement,
  deleteRequirement,
  updateRequirement,
} from './requirements/commands.ts';
export { listRequirements } from './requirements/queries.ts';
export type { Reader, ReadStore, Store } from './store.ts';
export { ensureWorkflows, ensureWorkflowsEverywhere } from './workflows/ensure.ts';
export { listStatuses, listWorkflows } from './workflows/queries.ts';
export { workspaceIdsOf } from './workspaces.ts';
