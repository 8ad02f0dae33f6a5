import type { IntegrationSettings, IntegrationTemplate } from '@tandem/contracts';
import type { IntegrationTemplateRow, SecretBox } from '@tandem/storage';
import { openTemplateSecrets } from './effective-integration.ts';

/** A template as owners see it: its settings and which secrets it holds, never the secrets. */
export function toTemplateView(
  row: IntegrationTemplateRow,
  box: SecretBox,
  usedBy: number,
): IntegrationTemplate {
  let hasCredentials = false;
  let hasClientCertificate = false;
  try {
    const secrets = openTemplateSecrets(box, row);
    hasCredentials = Boolean(secrets.apiKey || secrets.oauth);
    hasClientCertificate = Boolean(secrets.clientCertificate);
  } catch {
    // A secret sealed under another key reads as absent.
  }
  return {
    id: row.id,
    name: row.name,
    system: row.system,
    settings: row.config as IntegrationSettings,
    hasCredentials,
    hasClientCertificate,
    usedBy,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
