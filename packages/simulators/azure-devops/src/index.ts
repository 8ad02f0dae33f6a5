export { negotiate, requestedVersion } from './api-version.ts';
export type { ActAsInput, Control } from './control/control.ts';
export type { FaultRuleInput } from './control/faults.ts';
export type { RateLimitConfig } from './control/rate-limit.ts';
export {
  type AzureDevOpsSimulator,
  type AzureDevOpsSimulatorOptions,
  createAzureDevOpsSimulator,
} from './create-simulator.ts';
export { AdoError } from './errors.ts';
export type { DeliveryPolicy, DeliveryRecord } from './hooks/delivery.ts';
export type { EventEnvelope } from './hooks/payload.ts';
export type { Subscription } from './hooks/subscriptions.ts';
export {
  type RunningAzureDevOpsSimulator,
  type StartOptions,
  startAzureDevOpsSimulator,
} from './server.ts';
export {
  DEFAULT_FULL_PAT,
  DEFAULT_USERS,
  EXPIRED_PAT,
  REVOKED_PAT,
  type SeededUser,
} from './state/identities.ts';
export { DEFAULT_ORGANIZATION, SEED_IDS } from './state/seed.ts';
export { parse as parseWiql, print as printWiql } from './wiql/index.ts';
export { applyPatch, type Draft, type PatchOperation } from './workitems/json-patch.ts';
