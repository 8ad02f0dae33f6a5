export { type OpenEnv, openConformanceEnv } from './env.ts';
export { type ConformancePlan, type PlannedSuite, planConformance, suites } from './plan.ts';
export { startWebhookReceiver } from './receiver.ts';
export { runConformance } from './run.ts';
export {
  type ConformanceCase,
  type ConformanceConfig,
  type ConformanceEnv,
  type ConformanceFixture,
  type ConformanceOptions,
  type ConnectorUnderTest,
  type ReceivedDelivery,
  type SimulatorHandle,
  type SuiteName,
  type SuiteSetting,
  suiteNames,
  type WebhookReceiver,
} from './types.ts';
