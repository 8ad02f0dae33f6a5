import type { Integration, WizardStep } from '@tandem/contracts';
import type { IntegrationRow, IntegrationTemplateRow, SecretBox } from '@tandem/storage';
import { composeEffective } from './effective-integration.ts';

/**
 * An integration as the SPA sees it: its settings over its template's, and connection facts
 * (its own or inherited from the template), never a secret.
 */
export function toIntegrationView(
  row: IntegrationRow,
  box: SecretBox,
  template: IntegrationTemplateRow | null = null,
): Integration {
  let connection: Integration['connection'] = null;
  let hasClientCertificate = false;
  let settings = row.config as Integration['settings'];
  try {
    const effective = composeEffective(box, row, template);
    settings = effective.settings;
    const secrets = effective.secrets;
    hasClientCertificate = Boolean(secrets.clientCertificate);
    if (secrets.apiKey)
      connection = { kind: 'api_key', connectedAs: secrets.connectedAs ?? null, expiresAt: null };
    else if (secrets.oauth)
      connection = {
        kind: 'oauth2',
        connectedAs: secrets.oauth.connectedAs ?? null,
        expiresAt: secrets.oauth.refreshExpiresAt ?? secrets.oauth.expiresAt,
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
    settings,
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
