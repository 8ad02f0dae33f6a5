import type { Integration, IntegrationSettings, WizardStep } from '@tandem/contracts';
import type { IntegrationRow, SecretBox } from '@tandem/storage';
import { openSecrets } from '../sync/integration-runtime.ts';

/** An integration as the SPA sees it: settings and connection facts, never a secret. */
export function toIntegrationView(row: IntegrationRow, box: SecretBox): Integration {
  let connection: Integration['connection'] = null;
  let hasClientCertificate = false;
  try {
    const secrets = openSecrets(box, row);
    hasClientCertificate = Boolean(secrets.clientCertificate);
    if (secrets.apiKey)
      connection = { kind: 'api_key', connectedAs: secrets.connectedAs ?? null, expiresAt: null };
    else if (secrets.oauth)
      connection = {
        kind: 'oauth2',
        connectedAs: secrets.oauth.connectedAs ?? null,
        expiresAt: secrets.oauth.expiresAt,
      };
  } catch {
    connection = null;
  }
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    system: row.system,
    name: row.name,
    templateId: row.templateId,
    state: row.state,
    wizardStep: row.wizardStep as WizardStep,
    settings: row.config as IntegrationSettings,
    connection,
    hasClientCertificate,
    accountLocked: row.accountLockedAt !== null,
    lastSyncAt: row.lastSyncAt,
    lastError: row.lastError,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
