import type { Connector, ConnectorContext, RecordFields } from '../port/connector.ts';
import type { RecordScope, RemoteRecord } from '../port/model.ts';

export const suiteNames = [
  'connection',
  'discovery',
  'records',
  'idempotentCreate',
  'children',
  'attachments',
  'webhooks',
  'changesSince',
  'errors',
] as const;

export type SuiteName = (typeof suiteNames)[number];

/** `'run'`, or a skip with the written reason why the suite does not apply. */
export type SuiteSetting = 'run' | { skip: string };

/** What the suites need to know about the remote's data model. Pure data + builders. */
export interface ConformanceFixture {
  /** Where the suites create records (a sandbox workspace/project of the simulator). */
  scope: RecordScope;
  /** A type the records suite creates, reads, updates and deletes. */
  recordType: string;
  /** Fields for a valid new record of `recordType`; `seed` is unique per call. */
  newFields(seed: string): RecordFields;
  /** Fields for an update of a record of `recordType`. */
  changedFields(seed: string): RecordFields;
  /** A field that `newFields` / `changedFields` set and that reads back unchanged. */
  titleField: string;
  /** Children suite: a parent type and a child type that may sit under it. */
  parentType?: string;
  childType?: string;
  /** Fields for a valid record of another type (children suite). */
  newFieldsOf?(type: string, seed: string): RecordFields;
  /** Errors suite: fields the remote refuses (a missing required field, say). */
  invalidFields?: RecordFields;
  /** Errors suite: an id no record has. */
  missingId: string;
}

export interface ConformanceConfig {
  /** Default `true`: every suite must be declared, and every skip needs a reason. */
  strict?: boolean;
  suites: Partial<Record<SuiteName, SuiteSetting>>;
  fixture: ConformanceFixture;
  /** How long to wait for a webhook delivery. Default 5000. */
  webhookTimeoutMs?: number;
  /** Per test. Default 15000. */
  testTimeoutMs?: number;
}

/** A running simulator, adapted by the connector's test to what the suites need. */
export interface SimulatorHandle {
  url: string;
  close(): Promise<void>;
  /** The next write is applied, then its connection is dropped before the answer is sent. */
  dropNextResponseAfterCommit(): void;
}

export interface ConnectorUnderTest<Config> {
  connector: Connector<Config>;
  ctx: ConnectorContext<Config>;
  /** Releases what `makeConnector` opened (defaults to closing `ctx.transport`). */
  close?(): Promise<void>;
}

export interface ConformanceOptions<Config, Sim extends SimulatorHandle = SimulatorHandle> {
  /** Shown in test names: `rally`. */
  name: string;
  startSimulator(): Promise<Sim>;
  /** `revoked` credentials must be refused by the simulator. */
  makeConnector(
    simulator: Sim,
    variant: { credentials: 'valid' | 'revoked' },
  ): ConnectorUnderTest<Config> | Promise<ConnectorUnderTest<Config>>;
  config: ConformanceConfig;
  /** Run only these suites (local debugging); the others are reported as filtered. */
  suites?: readonly SuiteName[];
}

/** What each test case gets. */
export interface ConformanceEnv<Config = unknown> {
  connector: Connector<Config>;
  ctx: ConnectorContext<Config>;
  simulator: SimulatorHandle;
  fixture: ConformanceFixture;
  webhookTimeoutMs: number;
  /** A fresh connector whose credentials the simulator refuses. */
  withRevokedCredentials(): Promise<ConnectorUnderTest<Config>>;
  /** Unique per call within a run: `conf-<run>-<n>`. */
  unique(prefix?: string): string;
  /** A local HTTP endpoint that records webhook deliveries. */
  receiver(): Promise<WebhookReceiver>;
  /** Makes a record of `recordType` (or `type`) that is cleaned up after the run. */
  createRecord(type?: string, parent?: RemoteRecord): Promise<RemoteRecord>;
}

export interface ReceivedDelivery {
  path: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  deliveries(): readonly ReceivedDelivery[];
  /** Resolves with the first delivery matching `predicate`, or rejects after `timeoutMs`. */
  waitFor(
    predicate: (delivery: ReceivedDelivery) => boolean,
    timeoutMs: number,
  ): Promise<ReceivedDelivery>;
  close(): Promise<void>;
}

export interface ConformanceCase {
  name: string;
  run(env: ConformanceEnv): Promise<void>;
}
