import type { Connector } from '@tandem/connector-kit';
import type { IntegrationSystem } from '@tandem/contracts';
import type { DatabaseHandle, SecretBox } from '@tandem/storage';
import type { FullIntegrationGateway } from './runtime/integration-runtime.ts';
import type { SyncDeps } from './sync/deps.ts';

/** The connectors Tandem can use, by system: the host fills it (the BFF's registry). */
export interface ConnectorRegistry {
  connectorFor(system: IntegrationSystem): Connector<unknown>;
  /** The name users know the system by (its manifest's `displayName`). */
  displayNameOf(system: IntegrationSystem): string;
}

/** The runner's logger: pino's shape, so the BFF passes its own. */
export interface RunnerLogger {
  info(obj: object, message?: string): void;
  warn(obj: object, message?: string): void;
  error(obj: object, message?: string): void;
}

/** Where incoming changes are configured to arrive and how often the remote is asked. */
export interface RunnerSettings {
  /** Tandem's public URL: webhooks are registered at `${publicUrl}/api/webhooks/<integration>`. */
  publicUrl: string;
  /** How often an integration without webhooks asks its remote for changes. */
  pollSeconds: number;
  /** How often an integration with webhooks asks anyway (deliveries may be lost). */
  pollSafetyNetSeconds: number;
}

/**
 * What the runner's operations (incoming changes, imports, webhooks, polling, decisions) need:
 * storage, the clock, the secret box, a logger, settings, the connector registry and the sync
 * runner itself. The BFF's app deps satisfy it as they are.
 */
export interface RunnerDeps {
  database: DatabaseHandle;
  now: () => Date;
  secrets: SecretBox;
  logger: RunnerLogger;
  settings: RunnerSettings;
  connectors: ConnectorRegistry;
  sync: { deps: SyncDeps; gateway: FullIntegrationGateway };
}
