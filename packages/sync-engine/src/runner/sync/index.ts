export {
  applyEvent,
  applyEventWithin,
  DELIVER_EVENT_TASK,
  queuesJobs,
  REMOTE_EFFECT_TASK,
} from './apply-event.ts';
export { type SyncCallContext, syncCallContext } from './call-context.ts';
export type { SyncDeps } from './deps.ts';
export type { IntegrationGateway, IntegrationRuntime, RoadmapGateway, Trx } from './ports.ts';
export { foreignRecordReason } from './record-ownership.ts';
export { loadSyncState, syncStateNames, syncStatesOf } from './record-syncs.ts';
export {
  planSelection,
  previewSend,
  type SendResult,
  sendPlan,
  sendSelection,
} from './send.ts';
export { recordQueueName, syncContextFor } from './sync-context.ts';
export { syncTaskHandlers } from './tasks.ts';
