import type { IntegrationSettings } from '@tandem/contracts';
import { type IntegrationRow, integrationsRepository } from '@tandem/storage';
import type { AppDeps } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';
import { IntegrationNotReadyError, toIntegrationConfig } from '../sync/integration-runtime.ts';
import type { IntegrationSecrets } from '../sync/integration-secrets.ts';
import { normaliseAccountUrl } from './account-url.ts';
import { connectWithApiKey as connectTargetWithApiKey } from './api-key-connection.ts';
import { integrationTarget } from './credential-target.ts';
import { loadEffective } from './effective-integration.ts';
import { remoteFailure } from './remote-failure.ts';
import { registerWebhooks } from './webhook-registration.ts';

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
  await connectTargetWithApiKey(await integrationTarget(deps, row), apiKey);
  return (await integrationsRepository(deps.database.db).find(row.id))!;
}

/**
 * Enabling checks the whole configuration (a half-finished one stays a draft), then registers
 * the remote's webhooks for the chosen project (and its children unless excluded).
 */
export async function enableIntegration(deps: Deps, row: IntegrationRow): Promise<IntegrationRow> {
  const effective = await loadEffective(deps.database.db, deps.secrets, row);
  try {
    toIntegrationConfig(row, effective.settings);
  } catch (error) {
    if (!(error instanceof IntegrationNotReadyError)) throw error;
    throw AppError.validation([{ path: 'settings', message: error.message }], error.message);
  }
  if (!effective.credentialSource) {
    throw AppError.validation([
      { path: 'connection', message: 'Connect the integration to its account first' },
    ]);
  }
  const webhook = await registerWebhooks(deps, row);
  const updated = await integrationsRepository(deps.database.db).update(row.id, {
    state: 'enabled',
    wizardStep: 'enable',
    lastError: null,
    ...(webhook ? { webhook } : {}),
  });
  return updated!;
}

/** The connection to the integration's remote, for the wizard's discovery and checks. */
export async function connectIntegration(deps: Deps, row: IntegrationRow) {
  try {
    return await deps.sync.gateway.connect(row);
  } catch (error) {
    throw remoteFailure(error);
  }
}
