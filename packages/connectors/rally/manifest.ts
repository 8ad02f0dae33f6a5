import type { ConnectorManifest } from '@tandem/connector-kit';
import { presentation } from './presentation.ts';
import type { RallyConfig } from './src/spec.ts';

export const manifest: ConnectorManifest = {
  id: 'rally',
  displayName: 'Rally',
  authKinds: ['oauth2', 'api_key'],
  secretFields: ['apiKey', 'oauthClientSecret', 'accessToken', 'refreshToken'],
  // Rally serves 12 simultaneous requests per user and queues the rest (KB 95713).
  maxConcurrentPerAccount: 12,
  // Rally refuses larger files (pyral's MAX_ATTACHMENT_SIZE).
  maxAttachmentBytes: 50_000_000,
  docsUrl: 'https://rally1.rallydev.com/slm/doc/webservice/',
  presentation,
};

/** Hosts the transport may call for this integration: WSAPI, OAuth and webhooks share one. */
export function allowedHosts(config: Pick<RallyConfig, 'accountUrl'>): string[] {
  return [new URL(config.accountUrl).host];
}
