import {
  accountKey,
  createTransport,
  principalFromSecret,
  RemoteError,
} from '@tandem/connector-kit';
import type { IntegrationSettings } from '@tandem/contracts';
import { type IntegrationRow, integrationsRepository } from '@tandem/storage';
import type { AppDeps } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';
import { connectorFor } from '../sync/connectors.ts';
import { openSecrets, toIntegrationConfig } from '../sync/integration-runtime.ts';
import type { IntegrationSecrets } from '../sync/integration-secrets.ts';
import { normaliseAccountUrl } from './account-url.ts';

type Deps = Required<AppDeps>;

export async function loadIntegration(
  deps: Deps,
  workspaceId: string,
  integrationId: string,
): Promise<IntegrationRow> {
  const row = await integrationsRepository(deps.database.db).find(integrationId);
  if (!row || row.workspaceId !== workspaceId) throw AppError.notFound('Integration');
  return row;
}

/** Checks what a settings change may do, and normalises the account URL. */
export async function prepareSettings(
  deps: Deps,
  row: IntegrationRow,
  next: IntegrationSettings,
): Promise<IntegrationSettings> {
  const current = row.config as IntegrationSettings;
  const out = { ...current, ...next };
  if (next.accountUrl !== undefined && next.accountUrl !== current.accountUrl) {
    if (row.accountLockedAt) {
      throw AppError.validation(
        [
          {
            path: 'settings.accountUrl',
            message:
              'The account URL cannot change once the integration has sent or received records',
          },
        ],
        'The account URL is locked',
      );
    }
    const result = await normaliseAccountUrl(next.accountUrl, deps.env.ALLOW_PRIVATE_NETWORK);
    if (!result.ok)
      throw AppError.validation([{ path: 'settings.accountUrl', message: result.message }]);
    out.accountUrl = result.url;
  }
  return out;
}

export function sealSecrets(deps: Deps, row: IntegrationRow, secrets: IntegrationSecrets): string {
  return deps.secrets.seal(secrets, row.id);
}

/** Stores an API key after the remote confirmed it; the error says what the remote said. */
export async function connectWithApiKey(
  deps: Deps,
  row: IntegrationRow,
  apiKey: string,
): Promise<IntegrationRow> {
  const settings = row.config as IntegrationSettings;
  if (!settings.accountUrl) {
    throw AppError.validation([
      { path: 'settings.accountUrl', message: 'Enter the account URL first' },
    ]);
  }
  const connector = connectorFor(row.system);
  const transport = createTransport({
    accountKey: accountKey(row.system, settings.accountUrl, principalFromSecret(apiKey)),
    maxConcurrent: connector.manifest.maxConcurrentPerAccount,
    secrets: () => [apiKey],
    retry: { maxAttempts: 2 },
  });
  try {
    const whoAmI = await connector.checkConnection({
      config: connector.spec.parse({
        accountUrl: settings.accountUrl,
        authKind: 'api_key',
        workspaceId: settings.remoteWorkspace?.id ?? '0',
        projectId: settings.remoteProject?.id ?? '0',
      }),
      credentials: async () => ({ kind: 'api_key', apiKey }),
      transport,
    });
    const secrets = { ...openSecrets(deps.secrets, row), apiKey, connectedAs: whoAmI.displayName };
    delete secrets.oauth;
    const updated = await integrationsRepository(deps.database.db).update(row.id, {
      sealedSecrets: sealSecrets(deps, row, secrets),
      ...(row.state === 'needs_reauthorization' ? { state: 'enabled' as const } : {}),
    });
    return updated!;
  } catch (error) {
    if (RemoteError.is(error)) {
      const message =
        error.kind === 'auth'
          ? 'The account refused this API key'
          : `Could not reach the account: ${error.message}`;
      throw AppError.validation([{ path: 'apiKey', message }], message);
    }
    throw error;
  } finally {
    await transport.close();
  }
}

/** Enabling checks the whole configuration; a half-finished one stays a draft. */
export async function enableIntegration(deps: Deps, row: IntegrationRow): Promise<IntegrationRow> {
  try {
    toIntegrationConfig(row);
  } catch (error) {
    throw AppError.validation(
      [{ path: 'settings', message: (error as Error).message }],
      (error as Error).message,
    );
  }
  const secrets = openSecrets(deps.secrets, row);
  if (!secrets.apiKey && !secrets.oauth) {
    throw AppError.validation([
      { path: 'connection', message: 'Connect the integration to its account first' },
    ]);
  }
  const updated = await integrationsRepository(deps.database.db).update(row.id, {
    state: 'enabled',
    wizardStep: 'enable',
  });
  return updated!;
}
