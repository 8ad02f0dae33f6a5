export { DeliveryDispatcher } from './delivery-dispatcher.ts';
export {
  type DeliveryFaults,
  DeliveryFaultsInput,
  type FaultRule,
  FaultRuleInput,
  Faults,
  type Latency,
  LatencyInput,
} from './faults.ts';
export { DebouncedSaver, loadStateFile, saveStateFile, type VersionedState } from './state-file.ts';
