import type { Connector } from '@tandem/connector-kit';
import type { IntegrationSettings } from '@tandem/contracts';
import type { IntegrationSecrets } from '../../../src/runner/index.ts';

/** A roadmap status id by record kind and status name (the workspace's workflows). */
export type StatusIdOf = (kind: 'feature' | 'requirement', name: string) => string;

/**
 * One remote system the runner suite runs against: its connector and a way to start its
 * simulator. Adding a system to the suite is one more value of this type (see `systems.ts`).
 */
export interface SystemUnderTest {
  /** The connector's id, as the integration's `system`. */
  system: string;
  connector: Connector<unknown>;
  start(): Promise<RemoteSystem>;
}

/** A running simulator, and what a person working in that system does. */
export interface RemoteSystem {
  url: string;
  /** What Tandem's integration connects with (sealed into the integration). */
  secrets: IntegrationSecrets;
  /** The container and the two-way record mappings the integration is configured with. */
  settings(statusId: StatusIdOf): IntegrationSettings;
  /** Someone other than Tandem's user renames a record in the remote. */
  renameAsSomeoneElse(remoteId: string, name: string): Promise<void>;
  /** Someone other than Tandem's user creates a child record (a story) under a remote record. */
  createChildAsSomeoneElse(parentRemoteId: string, name: string): Promise<void>;
  /** Sends the webhook deliveries still waiting. */
  flushWebhooks(): Promise<void>;
  close(): Promise<void>;
}
