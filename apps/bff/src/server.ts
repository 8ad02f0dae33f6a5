import { serve } from '@hono/node-server';
import { ensureWorkflowsEverywhere } from '@tandem/roadmap';
import { DatabaseUnavailableError, databaseConfigFromEnv, openDatabase } from '@tandem/storage';
import { createRemotePoller } from '@tandem/sync-engine/runner';
import type { Logger } from 'pino';
import { createApp } from './app.ts';
import { completeDeps, secretBoxFromEnv } from './app-deps.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoIdentity } from './demo/seed-identity.ts';
import {
  azureDevOpsDemo,
  type DemoIntegration,
  rallyDemo,
  seedDemoIntegration,
} from './demo/seed-integration.ts';
import { seedDemoRoadmap } from './demo/seed-roadmap.ts';
import { EnvError, parseEnv } from './env.ts';
import { createLogger } from './lib/logger.ts';
import { createLiveBus } from './live/live-bus.ts';
import { startRecordEventTail } from './live/record-event-tail.ts';

/** How long a stopping server waits for running jobs before it exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const env = parseEnv();
  const logger = createLogger(env);
  const database = await openDatabase(
    databaseConfigFromEnv({ DATABASE_URL: env.DATABASE_URL, dataDir: env.DATA_DIR }),
  );
  // The key first: migrations seal what older versions stored in plain text.
  const secrets = secretBoxFromEnv(env);
  const migrations = await database.migrate({ secrets });
  logger.info({ dialect: database.dialect, ...migrations }, 'database ready');
  // Workspaces made before workflows came with the workspace get them now (GETs never write).
  const backfilled = await ensureWorkflowsEverywhere(database, {
    actorId: null,
    origin: 'user',
    now: new Date(),
  });
  if (backfilled > 0) logger.info({ workspaces: backfilled }, 'default workflows added');

  if (env.TANDEM_DEMO) {
    const { created } = await seedDemoIdentity(database);
    if (created) logger.info('demo data seeded');
    const roadmap = await seedDemoRoadmap(database);
    if (roadmap.created) logger.info('demo roadmap seeded');
  }

  const live = createLiveBus();
  const tail = startRecordEventTail({ db: database.db, bus: live, logger });
  const deps = completeDeps({ env, database, logger, live, secrets });
  const { sync } = deps;
  sync.worker.start();
  sync.outbox.start({
    onStateChanged: ({ workspaceId, record, integrationId }) =>
      live.publish(workspaceId, {
        type: 'record.changed',
        recordType: record.kind,
        recordId: record.id,
        action: 'update',
        version: null,
        origin: `integration:${integrationId}`,
      }),
  });
  const poller = createRemotePoller(deps);
  poller.start();
  // Deliveries acknowledged before a stop are still queued: applied now, then as they come.
  deps.webhookInbox.start();
  const app = createApp(deps);
  if (env.TANDEM_DEMO && process.env.DEMO_RALLY_URL) {
    void seedWhenSimulatorIsUp(deps, logger, rallyDemo(process.env.DEMO_RALLY_URL));
  }
  if (env.TANDEM_DEMO && process.env.DEMO_ADO_URL) {
    void seedWhenSimulatorIsUp(deps, logger, azureDevOpsDemo(process.env.DEMO_ADO_URL));
  }
  const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
    const url = `http://${env.HOST}:${info.port}`;
    logger.info({ url }, 'Tandem is listening');
    if (env.TANDEM_DEMO) {
      console.info(`\n  Tandem  ${url}\n  Demo logins (password "${DEMO_PASSWORD}"):`);
      for (const u of DEMO_USERS) console.info(`    ${u.role.padEnd(12)} ${u.email}`);
      console.info('');
    }
  });

  const stop = () => {
    server.close();
    // Running jobs get a moment to finish; one that hangs must not keep the process alive
    // (its lease runs out and another worker takes it).
    setTimeout(() => {
      logger.warn('shutdown took too long; exiting with jobs still running');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    void Promise.all([
      tail.stop(),
      poller.stop(),
      deps.webhookInbox.stop(),
      sync.close(),
      deps.webhookRefusals.close(),
    ])
      .then(() => database.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The simulator starts beside the server; give it a few seconds before giving up. */
async function seedWhenSimulatorIsUp(
  deps: ReturnType<typeof completeDeps>,
  logger: Logger,
  demo: DemoIntegration,
) {
  for (let attempt = 1; attempt <= 20; attempt++) {
    try {
      const outcome = await seedDemoIntegration(deps, demo);
      if (outcome === 'created')
        logger.info({ accountUrl: demo.accountUrl }, `demo ${demo.name} integration enabled`);
      return;
    } catch (error) {
      if (attempt === 20)
        logger.warn(
          { err: error, accountUrl: demo.accountUrl },
          `demo ${demo.name} integration not set up`,
        );
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseUnavailableError || error instanceof EnvError) {
    console.error(`tandem: ${error.message}`);
  } else {
    console.error('tandem: failed to start:', error);
  }
  process.exit(1);
});
