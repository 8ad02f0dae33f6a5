import { readFileSync } from 'node:fs';
import { openSecretBox } from '@tandem/storage';
import { createDeliveryInbox } from '@tandem/sync-engine/runner';
import type { AppDeps } from './app-env.ts';
import { publicUrl } from './env.ts';
import { createWebhookRefusals } from './integrations/webhook-refusals.ts';
import { createRateLimiter } from './lib/rate-limit.ts';
import { createLiveBus } from './live/live-bus.ts';
import { connectorRegistry, oauthClientsFromEnv } from './sync/connectors.ts';
import { createSyncService } from './sync/sync-service.ts';

/** Fills in what the caller left out; the server and the tests get the same defaults. */
export function completeDeps(deps: AppDeps): Required<AppDeps> {
  const now = deps.now ?? (() => new Date());
  const secrets = deps.secrets ?? secretBoxFromEnv(deps.env);
  const full: Omit<Required<AppDeps>, 'webhookInbox'> & Pick<AppDeps, 'webhookInbox'> = {
    now,
    secrets,
    sync:
      deps.sync ??
      createSyncService({
        database: deps.database,
        box: secrets,
        logger: deps.logger,
        now,
        oauthClients: oauthClientsFromEnv(deps.env),
        transport: {
          // Checked by the transport on every connection, not only when a URL is entered.
          allowPrivateNetwork: deps.env.ALLOW_PRIVATE_NETWORK,
          ...(deps.env.REMOTE_CA_FILE ? { ca: readFileSync(deps.env.REMOTE_CA_FILE, 'utf8') } : {}),
        },
      }),
    settings: {
      publicUrl: publicUrl(deps.env),
      pollSeconds: deps.env.POLL_SECONDS,
      pollSafetyNetSeconds: deps.env.POLL_SAFETY_NET_SECONDS,
    },
    connectors: connectorRegistry,
    rateLimits: createRateLimiter({ database: deps.database, env: deps.env, now }),
    live: createLiveBus(),
    webhookRefusals: createWebhookRefusals({
      database: deps.database,
      now,
      logger: deps.logger,
    }),
    ...deps,
  };
  return { ...full, webhookInbox: deps.webhookInbox ?? createDeliveryInbox(full) };
}

/** The box over the configured keys (TANDEM_SECRET_KEY, TANDEM_SECRET_KEY_FILE or DATA_DIR). */
export function secretBoxFromEnv(env: AppDeps['env']) {
  return openSecretBox({
    envKey: env.TANDEM_SECRET_KEY,
    keyFile: env.TANDEM_SECRET_KEY_FILE,
    dataDir: env.DATA_DIR,
  });
}
