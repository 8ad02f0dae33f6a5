/** The Rally simulator on a random port, and connector contexts pointed at it. */
import {
  accountKey,
  type ConnectorContext,
  type Credential,
  createTransport,
  principalFromSecret,
  type RequestLogEntry,
  type Transport,
  type TransportOptions,
} from '@tandem/connector-kit';
import {
  DEFAULT_ADMIN_API_KEY,
  type RunningRallySimulator,
  SEED_IDS,
  type StartOptions,
  startRallySimulator,
} from '@tandem/sim-rally';
import { type RallyConfig, rallyConfigSchema } from '../../src/spec.ts';

export { DEFAULT_ADMIN_API_KEY, SEED_IDS };

export function startSim(options: StartOptions = {}): Promise<RunningRallySimulator> {
  return startRallySimulator({
    port: 0,
    webhookDelivery: { baseDelayMs: 20, timeoutMs: 2000 },
    ...options,
  });
}

export const scope = {
  workspaceId: String(SEED_IDS.workspace),
  projectId: String(SEED_IDS.projectAlpha),
};

export interface TestContext extends ConnectorContext<RallyConfig> {
  transport: Transport;
  log: RequestLogEntry[];
}

export function makeCtx(
  url: string,
  options: {
    apiKey?: string;
    credentials?: () => Promise<Credential>;
    config?: Partial<Record<keyof RallyConfig, unknown>>;
    retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
    transport?: Pick<TransportOptions, 'clientCertificate' | 'ca'>;
  } = {},
): TestContext {
  const apiKey = options.apiKey ?? DEFAULT_ADMIN_API_KEY;
  const log: RequestLogEntry[] = [];
  const transport = createTransport({
    allowPrivateNetwork: true, // the test server listens on 127.0.0.1
    accountKey: accountKey('rally', url, principalFromSecret(apiKey)),
    maxConcurrent: 12,
    secrets: () => [apiKey],
    retry: { baseDelayMs: 5, maxDelayMs: 50, ...options.retry },
    onRequestLog: (entry) => log.push(entry),
    ...options.transport,
  });
  return {
    config: rallyConfigSchema.parse({
      accountUrl: url,
      authKind: 'api_key',
      workspaceId: scope.workspaceId,
      projectId: scope.projectId,
      ...options.config,
    }),
    credentials: options.credentials ?? (async () => ({ kind: 'api_key', apiKey })),
    transport,
    log,
  };
}
