/** The Azure DevOps simulator on a random port, and connector contexts pointed at it. */
import {
  accountKey,
  type ConnectorContext,
  createTransport,
  principalFromSecret,
  type RequestLogEntry,
  type Transport,
} from '@tandem/connector-kit';
import {
  DEFAULT_FULL_PAT,
  DEFAULT_USERS,
  type RunningAzureDevOpsSimulator,
  SEED_IDS,
  type StartOptions,
  startAzureDevOpsSimulator,
} from '@tandem/simulator-azure-devops';
import { manifest } from '../../manifest.ts';
import { type AzureDevOpsConfig, azureDevOpsConfigSchema } from '../../src/spec.ts';

export { DEFAULT_FULL_PAT, DEFAULT_USERS, SEED_IDS };

export const READ_ONLY_PAT =
  DEFAULT_USERS.find((u) => u.note?.toLowerCase().includes('read'))?.token ?? '';

export function startSim(options: StartOptions = {}): Promise<RunningAzureDevOpsSimulator> {
  return startAzureDevOpsSimulator({
    port: 0,
    webhookDelivery: { timeScale: 0.001, timeoutMs: 2000 },
    ...options,
  });
}

export const scope = { workspaceId: SEED_IDS.projects.roadmap, projectId: 'Roadmap Demo\\Web' };

export interface TestContext extends ConnectorContext<AzureDevOpsConfig> {
  transport: Transport;
  log: RequestLogEntry[];
}

export function makeCtx(
  orgUrl: string,
  options: {
    pat?: string;
    config?: Partial<Record<keyof AzureDevOpsConfig, unknown>>;
    retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  } = {},
): TestContext {
  const pat = options.pat ?? DEFAULT_FULL_PAT;
  const log: RequestLogEntry[] = [];
  const transport = createTransport({
    allowPrivateNetwork: true, // the test server listens on 127.0.0.1
    accountKey: accountKey(manifest.id, orgUrl, principalFromSecret(pat)),
    maxConcurrent: manifest.maxConcurrentPerAccount,
    secrets: () => [pat, Buffer.from(`:${pat}`).toString('base64')],
    retry: { baseDelayMs: 5, maxDelayMs: 50, ...options.retry },
    onRequestLog: (entry) => log.push(entry),
  });
  return {
    config: azureDevOpsConfigSchema.parse({
      accountUrl: orgUrl,
      workspaceId: scope.workspaceId,
      projectId: scope.projectId,
      ...options.config,
    }),
    credentials: async () => ({ kind: 'pat', token: pat }),
    transport,
    log,
  };
}
