import { randomUUID } from 'node:crypto';
import { createGroupCommit, type DatabaseHandle, type SecretBox } from '@tandem/storage';
import { createOutboxConsumer, type OutboxConsumer } from './outbox/outbox-consumer.ts';
import { createKyselyJobQueue, createWorker, type Worker } from './queue/index.ts';
import { createRoadmapGateway } from './roadmap/roadmap-gateway.ts';
import type { ConnectorRegistry, RunnerLogger } from './runner-deps.ts';
import {
  createIntegrationGateway,
  type FullIntegrationGateway,
  type IntegrationGatewayOptions,
} from './runtime/integration-runtime.ts';
import { type RoadmapGateway, type SyncDeps, syncTaskHandlers } from './sync/index.ts';

export type SyncRunner = {
  deps: SyncDeps;
  /** Connections to each integration's remote (discovery, webhooks) and its runtime. */
  gateway: FullIntegrationGateway;
  worker: Worker;
  /** Turns user edits of linked records into outgoing changes; started by the server. */
  outbox: OutboxConsumer;
  close(): Promise<void>;
};

/**
 * On SQLite, how long a job's answer waits for others to share its commit. Remote answers
 * arrive spread out, so same-turn grouping alone joined almost none; 2 ms cut a 1,000 × 3
 * bulk send's commits by a third. The remote slot is already free by then, so the send does
 * not slow down; a single send answers 2 ms later.
 */
const GROUP_COMMIT_WINDOW_MS = 2;

/**
 * The sync runner inside the BFF process: the durable queue on the app's database, a worker
 * running the sync tasks, and the gateways to the roadmap and to the connectors.
 */
export function createSyncRunner(options: {
  database: DatabaseHandle;
  box: SecretBox;
  logger: RunnerLogger;
  now?: () => Date;
  concurrency?: number;
  workerId?: string;
  /** The connectors by system (the host's registry). */
  connectors: Pick<ConnectorRegistry, 'connectorFor'>;
  /** The roadmap port; by default the roadmap package's records on the same database. */
  roadmap?: RoadmapGateway;
  transport?: IntegrationGatewayOptions['transport'];
  oauthClient?: IntegrationGatewayOptions['oauthClient'];
  oauthClients?: IntegrationGatewayOptions['oauthClients'];
}): SyncRunner {
  const now = options.now ?? (() => new Date());
  let worker: Worker | undefined;
  const queue = createKyselyJobQueue({
    db: options.database.db,
    now,
    onAdded: () => worker?.wake(),
    pickOnComplete: options.database.dialect === 'sqlite',
  });
  const integrations = createIntegrationGateway({
    database: options.database,
    box: options.box,
    now,
    connectors: options.connectors,
    ...(options.transport ? { transport: options.transport } : {}),
    ...(options.oauthClient ? { oauthClient: options.oauthClient } : {}),
    ...(options.oauthClients ? { oauthClients: options.oauthClients } : {}),
  });
  const deps: SyncDeps = {
    db: options.database.db,
    queue,
    roadmap: options.roadmap ?? createRoadmapGateway(options.database, now),
    integrations,
    now,
    newToken: randomUUID,
    jobsAdded: () => worker?.wake(),
    ...(options.database.dialect === 'sqlite'
      ? { transact: createGroupCommit(options.database.db, { windowMs: GROUP_COMMIT_WINDOW_MS }) }
      : {}),
  };
  worker = createWorker({
    queue,
    workerId: options.workerId ?? `bff-${process.pid}-${randomUUID().slice(0, 8)}`,
    concurrency: options.concurrency ?? 24,
    pollMs: 250,
    handlers: syncTaskHandlers(deps),
    onError: (job, error, outcome) =>
      options.logger.warn(
        { job: { id: job.id, task: job.task }, err: error, outcome },
        'sync job failed',
      ),
    onPickError: (error) => options.logger.warn({ err: error }, 'sync queue pick failed'),
  });
  const outbox = createOutboxConsumer({
    database: options.database,
    sync: deps,
    logger: options.logger,
  });
  return {
    deps,
    gateway: integrations,
    worker,
    outbox,
    async close() {
      await outbox.stop();
      await worker?.stop();
      await integrations.close();
    },
  };
}
