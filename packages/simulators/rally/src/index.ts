export { DEFAULT_OAUTH_CLIENT, DEFAULT_REDIRECT_URIS } from './auth/state.ts';
export type { ActAsInput, Control } from './control/control.ts';
export type { FaultRuleInput } from './control/faults.ts';
export {
  createRallySimulator,
  type RallySimulator,
  type RallySimulatorOptions,
  type TlsMaterial,
} from './create-simulator.ts';
export { parse as parseQuery, print as printQuery, QueryError } from './query/index.ts';
export { type RunningRallySimulator, type StartOptions, startRallySimulator } from './server.ts';
export { DEFAULT_ADMIN_API_KEY, SEED_IDS, SEEDED_USERS, type SeededUser } from './state/seed.ts';
export { loadTestCa, testClientCertificate } from './tls/test-ca.ts';
export type { DeliveryRecord, RetryPolicy, Webhook } from './webhooks/registry.ts';
