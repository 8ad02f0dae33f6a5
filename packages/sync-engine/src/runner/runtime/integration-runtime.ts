import { AsyncLocalStorage } from 'node:async_hooks';
import {
  accountKey,
  type Connector,
  type ConnectorContext,
  type Credential,
  createTransport,
  type OAuthClient,
  oauthCredentials,
  principalFromSecret,
  RemoteError,
  type RequestLogEntry,
  type Transport,
  type TransportOptions,
} from '@tandem/connector-kit';
import {
  type IntegrationConfig,
  type IntegrationSettings,
  type IntegrationSystem,
  integrationConfigSchema,
  isActiveIntegration,
} from '@tandem/contracts';
import {
  type DatabaseHandle,
  type IntegrationRow,
  integrationsRepository,
  prepareQuery,
  type SecretBox,
} from '@tandem/storage';
import type { RemoteTypeDefinition } from '../../core/index.ts';
import { IntegrationNotReadyError } from '../errors.ts';
import type { ConnectorRegistry } from '../runner-deps.ts';
import {
  type IntegrationGateway,
  type IntegrationRuntime,
  syncCallContext,
} from '../sync/index.ts';
import { accountOrigin, sameAccount } from './account-url.ts';
import { createBatchedLog } from './batched-log.ts';
import {
  type EffectiveIntegration,
  loadEffective,
  openIntegrationSecrets,
  templateUsableBy,
  usableTemplate,
} from './effective-integration.ts';
import { saveOAuthGrant } from './grant-store.ts';
import type { IntegrationSecrets } from './integration-secrets.ts';
import { guardAuth, markNeedsReauthorization } from './reauthorization.ts';
import { toRemoteTypeDefinition } from './remote-type-definition.ts';

/**
 * Tandem's OAuth client as registered with one remote account: its secret is only ever sent to
 * that account's token endpoint, whatever account URL an integration names (decision 021).
 */
export type OAuthClientConfig = Pick<OAuthClient, 'clientId' | 'clientSecret'> & {
  /** The account the client was registered with (its origin); tokens are asked there only. */
  accountUrl: string;
};

/** The integration a remote call is made for (a template's checks: its stand-in's id). */
type Caller = { id: string; workspaceId: string };
const callerOf = (row: Pick<IntegrationRow, 'id' | 'workspaceId'>): Caller => ({
  id: row.id,
  workspaceId: row.workspaceId,
});

export { IntegrationNotReadyError };

/** The settings the wizard saved (over its template's), composed into the engine's config. */
export function toIntegrationConfig(
  row: IntegrationRow,
  settings: IntegrationSettings = row.config as IntegrationSettings,
): IntegrationConfig {
  const s = settings;
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

/** The integration's own secrets (without its template's); see `loadEffective` for both. */
export function openSecrets(box: SecretBox, row: IntegrationRow): IntegrationSecrets {
  return openIntegrationSecrets(box, row);
}

/** A connector context for one integration, usable before its configuration is complete. */
export type RemoteConnection = {
  connector: Connector<unknown>;
  context: ConnectorContext<unknown>;
  effective: EffectiveIntegration;
};

export type IntegrationGatewayOptions = {
  database: DatabaseHandle;
  box: SecretBox;
  now: () => Date;
  /** The connectors by system (the host's registry). */
  connectors: Pick<ConnectorRegistry, 'connectorFor'>;
  /**
   * Transport tuning (tests shorten timeouts and backoff, or trust a test CA) and the address
   * policy: `allowPrivateNetwork` from `ALLOW_PRIVATE_NETWORK` (default false: private, loopback
   * and link-local addresses are refused at every connect), `resolveHost` for tests.
   */
  transport?: Pick<
    TransportOptions,
    'timeouts' | 'retry' | 'ca' | 'allowPrivateNetwork' | 'resolveHost'
  >;
  /** Tandem's OAuth client for every system, for refreshing grants (see `OAuthClientConfig`). */
  oauthClient?: OAuthClientConfig;
  /** Tandem's OAuth client per system (over `oauthClient`). */
  oauthClients?: Partial<Record<IntegrationSystem, OAuthClientConfig>>;
};

export type FullIntegrationGateway = IntegrationGateway & {
  connect(row: IntegrationRow): Promise<RemoteConnection>;
  /** The shared transport for this integration's account as `principal` (OAuth token calls). */
  transport(effective: EffectiveIntegration, principal: string): Transport;
  close(): Promise<void>;
};

/**
 * Builds each integration's runtime: parsed config, connector, credentials (OAuth grants are
 * refreshed before they expire) and a transport shared by every integration that uses the same
 * remote account and client certificate (one concurrency budget).
 */
const versionOf = prepareQuery((db, p: { id: string }) =>
  db.selectFrom('integrations').select('version').where('id', '=', p.id),
);

/** How long a built runtime is reused while its integration row is unchanged. */
const RUNTIME_TTL_MS = 3_000;
/** Remote field definitions change rarely (an admin edits the remote's schema); re-read every few minutes. */
const SCHEMA_TTL_MS = 5 * 60_000;

export function createIntegrationGateway(
  options: IntegrationGatewayOptions,
): FullIntegrationGateway {
  const { database, box } = options;
  const connectorFor = options.connectors.connectorFor;
  const transports = new Map<string, { transport: Transport; secrets: Set<string> }>();
  const grants = new Map<string, { accessToken: string; get: () => Promise<Credential> }>();
  const repo = integrationsRepository(database.db);
  const runtimes = new Map<
    string,
    { version: number; builtAt: number; runtime: IntegrationRuntime }
  >();
  const schemas = new Map<string, { key: string; at: number; types: RemoteTypeDefinition[] }>();
  const requestLog = createBatchedLog(database.db);
  /**
   * Who is making a call on a shared transport: every integration (or template stand-in) reaches
   * it through its own view, which names it here, so its log lines are its own.
   */
  const callers = new AsyncLocalStorage<Caller>();

  function logRequest(builtBy: IntegrationRow) {
    return (entry: RequestLogEntry) => {
      const failed = entry.error !== null || (entry.status ?? 0) >= 400;
      // Every call is made through a view that names its caller; the transport's builder is only
      // a fallback.
      const owner = callers.getStore() ?? callerOf(builtBy);
      // The record this call was made for, when the sync runner made it for one of this
      // integration's records.
      const call = syncCallContext.getStore();
      const forRecord = call && call.integrationId === owner.id ? call.record : undefined;
      requestLog.add({
        integrationId: owner.id,
        workspaceId: owner.workspaceId,
        ...(forRecord ? { recordType: forRecord.kind, recordId: forRecord.id } : {}),
        level: failed ? (entry.retryInMs !== null ? 'warn' : 'error') : 'debug',
        event: 'http',
        message: `${entry.operation ?? entry.method} ${entry.method} ${entry.url} → ${entry.status ?? entry.error?.kind ?? 'no answer'}${entry.retryInMs !== null ? ` (retrying in ${entry.retryInMs} ms)` : ''}`,
        // Bodies are kept for failures (what the remote said matters); a success keeps the
        // request line and timing only, so a bulk send does not store every payload twice.
        data: failed
          ? entry
          : {
              requestId: entry.requestId,
              attempt: entry.attempt,
              durationMs: entry.durationMs,
              status: entry.status,
            },
      });
    };
  }

  /** The integration's view of its account's shared transport: its calls are logged as its own. */
  function transportFor(effective: EffectiveIntegration, principal: string): Transport {
    const shared = sharedTransport(effective, principal);
    const caller = callerOf(effective.row);
    return {
      accountKey: shared.accountKey,
      request: (input) => callers.run(caller, () => shared.request(input)),
      // The shared transport is closed with the gateway.
      close: async () => {},
    };
  }

  function sharedTransport(effective: EffectiveIntegration, principal: string): Transport {
    const { row, settings, secrets } = effective;
    const connector = connectorFor(row.system);
    const key = accountKey(row.system, settings.accountUrl ?? '', principal);
    const certificate = secrets.clientCertificate;
    const transportKey = `${key}|${certificate ? principalFromSecret(certificate.cert) : ''}`;
    let entry = transports.get(transportKey);
    if (!entry) {
      const known = new Set<string>();
      entry = {
        secrets: known,
        transport: createTransport({
          ...options.transport,
          accountKey: key,
          maxConcurrent: connector.manifest.maxConcurrentPerAccount,
          ...(certificate
            ? {
                clientCertificate: {
                  ...certificate,
                  ...(options.transport?.ca ? { ca: options.transport.ca } : {}),
                },
              }
            : {}),
          secrets: () => [...known],
          onRequestLog: logRequest(row),
        }),
      };
      transports.set(transportKey, entry);
    }
    for (const s of [secrets.apiKey, secrets.oauth?.accessToken, secrets.oauth?.refreshToken])
      if (s) entry.secrets.add(s);
    return entry.transport;
  }

  const needsReauthorization = (row: IntegrationRow, reason: string) =>
    markNeedsReauthorization(database, row, reason, options.now());

  /** One refreshing credential per stored grant, so concurrent requests refresh once. */
  function oauthCredential(effective: EffectiveIntegration, transport: Transport) {
    const stored = effective.secrets.oauth!;
    const source = effective.credentialSource!;
    const connector = connectorFor(effective.row.system);
    const systemName = connector.manifest.displayName;
    const cached = grants.get(source.id);
    if (cached && cached.accessToken === stored.accessToken) return cached.get;
    let current = stored;
    const entry = { accessToken: stored.accessToken, get: credential };
    const refreshing = oauthCredentials({
      load: async () => current,
      save: async (grant) => {
        current = { ...stored, ...grant };
        entry.accessToken = grant.accessToken;
        await saveOAuthGrant(database.db, box, source, current, effective.account ?? '');
      },
      refresh: (grant) => {
        // The token endpoint is the registered account's, never one an integration names.
        const client = options.oauthClients?.[effective.row.system] ?? options.oauthClient;
        if (!connector.oauth || !client || !sameAccount(client.accountUrl, effective.account)) {
          throw new RemoteError(
            'auth',
            `Tandem's ${systemName} OAuth client is registered for ${client ? accountOrigin(client.accountUrl) : 'no account'}, not ${effective.account ?? 'this account URL'}; the grant is not refreshed there`,
            { retryable: false },
          );
        }
        return connector.oauth.refresh({
          accountUrl: client.accountUrl,
          client,
          refreshToken: grant.refreshToken,
          transport,
          now: () => options.now().getTime(),
        });
      },
      now: () => options.now().getTime(),
    });
    async function credential(): Promise<Credential> {
      try {
        return await refreshing();
      } catch (error) {
        if (RemoteError.is(error) && error.kind === 'auth') {
          await needsReauthorization(
            effective.row,
            `The ${systemName} grant could not be refreshed: ${error.message}`,
          );
        }
        throw error;
      }
    }
    grants.set(source.id, entry);
    return entry.get;
  }

  function connectionOf(effective: EffectiveIntegration): RemoteConnection {
    const { row, settings, secrets } = effective;
    const connector = connectorFor(row.system);
    let principal: string;
    let credentials: () => Promise<Credential>;
    let transport: Transport;
    if (secrets.apiKey) {
      const apiKey = secrets.apiKey;
      principal = principalFromSecret(apiKey);
      transport = transportFor(effective, principal);
      credentials = async () => ({ kind: 'api_key', apiKey });
    } else if (secrets.oauth) {
      principal = `user:${secrets.oauth.remoteUserId ?? secrets.oauth.connectedAs ?? principalFromSecret(secrets.oauth.accessToken)}`;
      transport = transportFor(effective, principal);
      // One refreshing credential per grant, shared; a refresh is logged as the call of whichever
      // integration needed it.
      const refreshing = oauthCredential(effective, sharedTransport(effective, principal));
      const caller = callerOf(row);
      credentials = () => callers.run(caller, refreshing);
    } else {
      throw new IntegrationNotReadyError(
        effective.withheld
          ? `${row.name} is not connected to its account: ${effective.withheld}`
          : `${row.name} is not connected to its account yet`,
      );
    }
    const config = connector.spec.parse({
      accountUrl: settings.accountUrl ?? '',
      authKind: secrets.apiKey ? 'api_key' : 'oauth2',
      workspaceId: settings.remoteWorkspace?.id ?? '0',
      projectId: settings.remoteProject?.id ?? '0',
      excludeChildUpdates: settings.excludeChildUpdates ?? false,
    });
    const guarded = guardAuth(connector, (error) =>
      needsReauthorization(
        row,
        `${connector.manifest.displayName} refused the credentials: ${error.message}`,
      ),
    );
    return { connector: guarded, context: { config, credentials, transport }, effective };
  }

  return {
    transport: transportFor,

    async connect(row) {
      if (!(row.config as IntegrationSettings).accountUrl && !row.templateId)
        throw new IntegrationNotReadyError(`Enter the account URL of ${row.name} first`);
      return connectionOf(await loadEffective(database.db, box, row));
    },

    async runtime(integrationId): Promise<IntegrationRuntime> {
      // Every job asks several times; parsing, decrypting and validating each time dominated a
      // bulk send. A change to the integration (its version) or a few seconds (a template
      // change) make it rebuild.
      const at = options.now().getTime();
      const cached = runtimes.get(integrationId);
      if (cached && at - cached.builtAt < RUNTIME_TTL_MS) {
        // Only the version is read while the runtime is fresh: the whole row, parsed, cost
        // more than the rest of a job's bookkeeping.
        const current = await versionOf.first(database.db, { id: integrationId });
        if (!current) throw new IntegrationNotReadyError('The integration no longer exists');
        if (current.version === cached.version) return cached.runtime;
      }
      const row = await repo.find(integrationId);
      if (!row) throw new IntegrationNotReadyError('The integration no longer exists');
      const effective = await loadEffective(database.db, box, row);
      const config = toIntegrationConfig(row, effective.settings);
      const { connector, context } = connectionOf(effective);
      const runtime: IntegrationRuntime = {
        config,
        workspaceId: row.workspaceId,
        connector,
        context,
        scope: { workspaceId: config.scope.remoteWorkspaceId, projectId: config.scope.projectId },
      };
      runtimes.set(integrationId, { version: row.version, builtAt: at, runtime });
      return runtime;
    },

    async remoteTypes(integrationId) {
      const runtime = await this.runtime(integrationId);
      const mapped = runtime.config.recordMappings.filter((m) => m.enabled);
      const key = mapped.map((m) => m.remoteType).join('|');
      const cached = schemas.get(integrationId);
      const at = options.now().getTime();
      if (cached && cached.key === key && at - cached.at < SCHEMA_TTL_MS) return cached.types;
      const types: RemoteTypeDefinition[] = [];
      for (const mapping of mapped) {
        if (types.some((t) => t.type === mapping.remoteType)) continue;
        const fields = await runtime.connector.listFields(
          runtime.context,
          runtime.scope,
          mapping.remoteType,
        );
        types.push(toRemoteTypeDefinition(mapping.remoteType, fields));
      }
      schemas.set(integrationId, { key, at, types });
      return types;
    },

    async peers(integrationId) {
      const row = await repo.find(integrationId);
      if (!row?.templateId) return [];
      // Peers are integrations of workspaces that may use the template, as this one must.
      const template = await usableTemplate(database.db, row);
      if (!template) return [];
      const siblings = await repo.listByTemplate(row.templateId);
      const out: IntegrationConfig[] = [];
      for (const s of siblings) {
        if (s.id === row.id || s.workspaceId === row.workspaceId || !isActiveIntegration(s.state))
          continue;
        if (!(await templateUsableBy(database.db, template, s.workspaceId))) continue;
        const effective = await loadEffective(database.db, box, s);
        out.push(toIntegrationConfig(s, effective.settings));
      }
      return out;
    },

    async close() {
      await Promise.all([...transports.values()].map((t) => t.transport.close()));
      await requestLog.flush();
      transports.clear();
      grants.clear();
      runtimes.clear();
    },
  };
}
