import type { Connector, ConnectorContext, RecordScope } from '@tandem/connector-kit';
import type { Database } from '@tandem/storage';
import type { Transaction } from 'kysely';
import type {
  IntegrationConfig,
  IntegrationLink,
  RecordRef,
  RemoteRef,
  RemoteTypeDefinition,
  RoadmapFieldChanges,
  RoadmapRecord,
  SendSelection,
  SyncSnapshot,
} from '../../core/index.ts';

export type Trx = Transaction<Database>;

/** Roadmap data as the runner needs it; writes happen inside the runner's transaction. */
export interface RoadmapGateway {
  loadRecords(refs: readonly RecordRef[]): Promise<RoadmapRecord[]>;
  /** Everything a send of `selection` may touch: the features, releases, requirements, initiatives. */
  loadForSend(workspaceId: string, selection: SendSelection): Promise<RoadmapRecord[]>;
  loadLinks(
    integrationIds: readonly string[],
    recordIds: readonly string[],
  ): Promise<IntegrationLink[]>;
  saveLink(
    trx: Trx,
    integrationId: string,
    record: RecordRef,
    remote: RemoteRef,
    snapshot: SyncSnapshot | null,
  ): Promise<void>;
  clearLink(trx: Trx, integrationId: string, record: RecordRef): Promise<void>;
  /** Replaces the last synced snapshot of a linked record with `next(stored)`. */
  saveSnapshot(
    trx: Trx,
    integrationId: string,
    record: RecordRef,
    next: (stored: SyncSnapshot | null) => SyncSnapshot | null,
  ): Promise<void>;
  /** Remote values into a record; a record outside the integration's workspace is never written. */
  applyLocal(
    trx: Trx,
    integration: { readonly id: string; readonly workspaceId: string },
    record: RecordRef,
    changes: RoadmapFieldChanges,
  ): Promise<void>;
}

/** One integration, ready to talk to its remote. */
export interface IntegrationRuntime {
  readonly config: IntegrationConfig;
  readonly workspaceId: string;
  readonly connector: Connector<unknown>;
  readonly context: ConnectorContext<unknown>;
  readonly scope: RecordScope;
}

export interface IntegrationGateway {
  runtime(integrationId: string): Promise<IntegrationRuntime>;
  /** The remote's field definitions of the mapped types, to stop a send that cannot succeed. */
  remoteTypes?(integrationId: string): Promise<RemoteTypeDefinition[]>;
  /** Enabled integrations of other workspaces that share this one's template. */
  peers(integrationId: string): Promise<IntegrationConfig[]>;
}
