import type { ConnectorManifest } from '@tandem/connector-kit';
import { presentation } from './presentation.ts';
import type { RemoteServiceConfig } from './src/spec.ts';

export const manifest: ConnectorManifest = {
  id: 'remote-service',
  displayName: 'Remote service',
  authKinds: ['api_key'],
  // `data` may hold the service's own secrets (an API key of its remote): never logged.
  secretFields: ['data'],
  maxConcurrentPerAccount: 4,
  presentation,
};

/** The transport may call only the service's host. */
export function allowedHosts(config: Pick<RemoteServiceConfig, 'endpointUrl'>): string[] {
  return [new URL(config.endpointUrl).host];
}
