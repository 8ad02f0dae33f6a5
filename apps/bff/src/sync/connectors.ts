import { azureDevOpsConnector } from '@tandem/connector-azure-devops';
import type { Connector } from '@tandem/connector-kit';
import { rallyConnector } from '@tandem/connector-rally';
import { remoteServiceConnector } from '@tandem/connector-remote-service';
import type { IntegrationSystem } from '@tandem/contracts';
import type { ConnectorRegistry } from '@tandem/sync-engine/runner';
import type { Env } from '../env.ts';

/**
 * The registry: the only module that imports a concrete connector (a lint rule in biome.json
 * keeps it so). Everything else reaches a system through the port and its manifest.
 */
export const CONNECTORS: Partial<Record<IntegrationSystem, Connector<unknown>>> = {
  rally: rallyConnector as Connector<unknown>,
  azure_devops: azureDevOpsConnector as Connector<unknown>,
};

export function connectorFor(system: IntegrationSystem): Connector<unknown> {
  const connector = CONNECTORS[system];
  if (!connector) throw new Error(`No connector for ${system} yet`);
  return connector;
}

/** What users see as the system's name (the manifest's), or the id when there is no connector. */
export function displayNameOf(system: IntegrationSystem): string {
  return CONNECTORS[system]?.manifest.displayName ?? system;
}

/** The registry as the sync runner's port. */
export const connectorRegistry: ConnectorRegistry = { connectorFor, displayNameOf };

/** Tandem's OAuth client registered with a system (from env), when the system signs in with OAuth. */
export function oauthClientSettings(
  env: Pick<Env, 'RALLY_OAUTH_CLIENT_ID' | 'RALLY_OAUTH_CLIENT_SECRET' | 'RALLY_OAUTH_ACCOUNT_URL'>,
  system: IntegrationSystem,
): { clientId: string; clientSecret: string; accountUrl: string } | null {
  if (system !== 'rally') return null;
  return {
    clientId: env.RALLY_OAUTH_CLIENT_ID,
    clientSecret: env.RALLY_OAUTH_CLIENT_SECRET,
    accountUrl: env.RALLY_OAUTH_ACCOUNT_URL,
  };
}

/** Every system's registered OAuth client, for the runtime's grant refreshes. */
export function oauthClientsFromEnv(
  env: Parameters<typeof oauthClientSettings>[0],
): Partial<
  Record<IntegrationSystem, { clientId: string; clientSecret: string; accountUrl: string }>
> {
  return Object.fromEntries(
    Object.keys(CONNECTORS).flatMap((system) => {
      const client = oauthClientSettings(env, system as IntegrationSystem);
      return client ? [[system, client]] : [];
    }),
  );
}

/** Issue 22: a service over the events protocol; joins CONNECTORS once contracts and storage know a `remote_service` system. */
export const REMOTE_SERVICE_CONNECTOR = remoteServiceConnector as Connector<unknown>;
