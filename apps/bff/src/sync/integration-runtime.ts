import {
  accountKey,
  type Credential,
  createTransport,
  principalFromSecret,
  type RequestLogEntry,
  type Transport,
  type TransportOptions,
} from '@tandem/connector-kit';
import {
  type IntegrationConfig,
  type IntegrationSettings,
  integrationConfigSchema,
} from '@tandem/contracts';
import {
  type DatabaseHandle,
  type IntegrationRow,
  integrationLogRepository,
  integrationsRepository,
  type SecretBox,
} from '@tandem/storage';
import type { IntegrationGateway, IntegrationRuntime } from '@tandem/sync-engine/runner';
import { connectorFor } from './connectors.ts';
import type { IntegrationSecrets } from './integration-secrets.ts';

export class IntegrationNotReadyError extends Error {
  override name = 'IntegrationNotReadyError';
}

/** The settings the wizard saved, composed into the config the engine validates. */
export function toIntegrationConfig(row: IntegrationRow): IntegrationConfig {
  const s = row.config as IntegrationSettings;
  const parsed = integrationConfigSchema.safeParse({
    id: row.id,
    name: row.name,
    system: row.system,
    workspaceId: row.workspaceId,
    templateId: row.templateId,
    scope: {
      remoteWorkspaceId: s.remoteWorkspace?.id,
      projectId: s.remoteProject?.id,
      excludeChildUpdates: s.excludeChildUpdates ?? false,
    },
    recordMappings: s.recordMappings ?? [],
    sendMode: s.sendMode ?? 'auto',
    importNewRecords: s.importNewRecords ?? true,
  });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new IntegrationNotReadyError(
      `${row.name} is not fully set up: ${first?.path.join('.') ?? 'config'} ${first?.message ?? ''}`.trim(),
    );
  }
  return parsed.data;
}

export function openSecrets(box: SecretBox, row: IntegrationRow): IntegrationSecrets {
  return row.sealedSecrets ? box.open<IntegrationSecrets>(row.sealedSecrets, row.id) : {};
}

/**
 * Builds each integration's runtime: parsed config, connector, credentials and a transport
 * shared by every integration that uses the same remote account (one concurrency budget).
 */
export function createIntegrationGateway(options: {
  database: DatabaseHandle;
  box: SecretBox;
  now: () => Date;
  /** Transport tuning (tests shorten timeouts and backoff). */
  transport?: Pick<TransportOptions, 'timeouts' | 'retry'>;
}): IntegrationGateway & { close(): Promise<void> } {
  const { database, box } = options;
  const transports = new Map<string, Transport>();
  const repo = integrationsRepository(database.db);

  function credentialFor(
    row: IntegrationRow,
    secrets: IntegrationSecrets,
  ): { credential: () => Promise<Credential>; principal: string } {
    if (secrets.apiKey) {
      const apiKey = secrets.apiKey;
      return {
        credential: async () => ({ kind: 'api_key', apiKey }),
        principal: principalFromSecret(apiKey),
      };
    }
    if (secrets.oauth) {
      const grant = secrets.oauth;
      return {
        credential: async () => ({ kind: 'oauth2', accessToken: grant.accessToken }),
        principal: `user:${grant.connectedAs ?? principalFromSecret(grant.accessToken)}`,
      };
    }
    throw new IntegrationNotReadyError(`${row.name} is not connected to its account yet`);
  }

  function logRequest(row: IntegrationRow) {
    const log = integrationLogRepository(database.db);
    return (entry: RequestLogEntry) => {
      const failed = entry.error !== null || (entry.status ?? 0) >= 400;
      void log
        .append({
          integrationId: row.id,
          workspaceId: row.workspaceId,
          level: failed ? (entry.retryInMs !== null ? 'warn' : 'error') : 'debug',
          event: 'http',
          message: `${entry.operation ?? entry.method} ${entry.method} ${entry.url} → ${entry.status ?? entry.error?.kind ?? 'no answer'}${entry.retryInMs !== null ? ` (retrying in ${entry.retryInMs} ms)` : ''}`,
          data: entry,
        })
        .catch(() => {});
    };
  }

  return {
    async runtime(integrationId): Promise<IntegrationRuntime> {
      const row = await repo.find(integrationId);
      if (!row) throw new IntegrationNotReadyError('The integration no longer exists');
      const config = toIntegrationConfig(row);
      const settings = row.config as IntegrationSettings;
      const connector = connectorFor(row.system);
      const secrets = openSecrets(box, row);
      const { credential, principal } = credentialFor(row, secrets);
      const accountUrl = settings.accountUrl ?? '';
      const key = accountKey(row.system, accountUrl, principal);
      const transportKey = `${key}|${secrets.clientCertificate ? principalFromSecret(secrets.clientCertificate.cert) : ''}`;
      let transport = transports.get(transportKey);
      if (!transport) {
        transport = createTransport({
          ...options.transport,
          accountKey: key,
          maxConcurrent: connector.manifest.maxConcurrentPerAccount,
          ...(secrets.clientCertificate ? { clientCertificate: secrets.clientCertificate } : {}),
          secrets: () =>
            [secrets.apiKey, secrets.oauth?.accessToken, secrets.oauth?.refreshToken].filter(
              (s): s is string => !!s,
            ),
          onRequestLog: logRequest(row),
        });
        transports.set(transportKey, transport);
      }
      const connectorConfig = connector.spec.parse({
        accountUrl,
        authKind: secrets.apiKey ? 'api_key' : 'oauth2',
        workspaceId: settings.remoteWorkspace?.id,
        projectId: settings.remoteProject?.id,
        excludeChildUpdates: settings.excludeChildUpdates ?? false,
      });
      return {
        config,
        workspaceId: row.workspaceId,
        connector,
        context: { config: connectorConfig, credentials: credential, transport },
        scope: { workspaceId: config.scope.remoteWorkspaceId, projectId: config.scope.projectId },
      };
    },

    async peers(integrationId) {
      const row = await repo.find(integrationId);
      if (!row?.templateId) return [];
      const siblings = await repo.listByTemplate(row.templateId);
      return siblings
        .filter(
          (s) => s.id !== row.id && s.workspaceId !== row.workspaceId && s.state === 'enabled',
        )
        .map(toIntegrationConfig);
    },

    async close() {
      await Promise.all([...transports.values()].map((t) => t.close()));
      transports.clear();
    },
  };
}
