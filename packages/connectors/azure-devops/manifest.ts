import type { ConnectorManifest } from '@tandem/connector-kit';
import { presentation } from './presentation.ts';
import type { AzureDevOpsConfig } from './src/spec.ts';

export const manifest: ConnectorManifest = {
  id: 'azure_devops',
  displayName: 'Azure DevOps',
  // Personal access tokens only: Azure DevOps OAuth is deprecated for new apps (Entra ID instead)
  // and the simulator serves no sign-in flow to test one against (README, "Authentication").
  authKinds: ['pat'],
  secretFields: ['token', 'apiKey'],
  // Azure DevOps publishes no concurrent-request limit: it meters each identity at 200 TSTUs per
  // sliding five minutes, delays past that and answers 429 past more (reference §9). Ten in
  // flight per identity keeps a bulk send a "normal spike" (≤ 10 TSTUs) while the client slows
  // down on X-RateLimit-* / Retry-After before delays start.
  maxConcurrentPerAccount: 10,
  // Single uploads up to 130 MB; larger ones need chunked upload (not done).
  maxAttachmentBytes: 130_000_000,
  docsUrl: 'https://learn.microsoft.com/en-us/rest/api/azure/devops/?view=azure-devops-rest-7.1',
  presentation,
};

/** Hosts the transport may call: the organisation's (REST, attachments and hooks share it). */
export function allowedHosts(config: Pick<AzureDevOpsConfig, 'accountUrl'>): string[] {
  return [new URL(config.accountUrl).host];
}
