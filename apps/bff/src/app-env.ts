import type { Role } from '@tandem/contracts';
import type { DatabaseHandle, SecretBox } from '@tandem/storage';
import type { ConnectorRegistry, DeliveryInbox, RunnerSettings } from '@tandem/sync-engine/runner';
import type { Logger } from 'pino';
import type { Env } from './env.ts';
import type { WebhookRefusals } from './integrations/webhook-refusals.ts';
import type { RateLimiter } from './lib/rate-limit.ts';
import type { LiveBus } from './live/live-bus.ts';
import type { SyncService } from './sync/sync-service.ts';

/** Everything the app needs from outside; the server and the tests build it the same way. */
export type AppDeps = {
  env: Env;
  database: DatabaseHandle;
  logger: Logger;
  now?: () => Date;
  /** Sign-in, send and upload limits, counted in the database. */
  rateLimits?: RateLimiter;
  /** Where live events for the SPA are published; the server feeds it from the outbox. */
  live?: LiveBus;
  /** Encrypts integration credentials at rest. */
  secrets?: SecretBox;
  /** The sync runner (its worker is started by the server, not by createApp). */
  sync?: SyncService;
  /** Where webhooks are registered and how often remotes are polled (from env). */
  settings?: RunnerSettings;
  /** The connectors by system (the registry). */
  connectors?: ConnectorRegistry;
  /** Counts refused webhook deliveries; one log row per integration and minute. */
  webhookRefusals?: WebhookRefusals;
  /** Webhook deliveries acknowledged into a queue and applied from it (the server starts it). */
  webhookInbox?: DeliveryInbox;
};

export type SessionContext = {
  sessionId: string;
  csrfToken: string;
  user: { id: string; email: string; name: string };
};

export type AppEnv = {
  Variables: {
    deps: Required<AppDeps>;
    requestId: string;
    log: Logger;
    session: SessionContext | undefined;
    workspace: { id: string; key: string; name: string; role: Role };
  };
};
