export { allowedHosts, manifest } from '../manifest.ts';
export {
  createRemoteServiceConnector,
  type RemoteServiceOptions,
  remoteServiceConnector,
} from './connector.ts';
export type { ServiceLogSink } from './deliver.ts';
export { type RemoteServiceConfig, remoteServiceConfigSchema } from './spec.ts';
export { memoryStateStore, type RecordState, type ServiceStateStore } from './state-store.ts';
export { forwardWebhook } from './webhooks.ts';
