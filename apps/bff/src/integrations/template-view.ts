import type { IntegrationSettings, IntegrationTemplate } from '@tandem/contracts';
import type { IntegrationTemplateRow, SecretBox } from '@tandem/storage';
import { openTemplateSecrets } from '@tandem/sync-engine/runner';
import { toConnectionView } from './connection-view.ts';

/**
 * A template as owners see it: its settings, who its credentials connect as, and which secrets
 * it holds, never the secrets. `refused`: an integration using its credentials was turned away.
 */
export function toTemplateView(
  row: IntegrationTemplateRow,
  box: SecretBox,
  usedBy: number,
  facts: { now: Date; refused: boolean } = { now: new Date(), refused: false },
): IntegrationTemplate {
  let hasCredentials = false;
  let hasClientCertificate = false;
  let connection: IntegrationTemplate['connection'] = null;
  try {
    const secrets = openTemplateSecrets(box, row);
    hasCredentials = Boolean(secrets.apiKey || secrets.oauth);
    hasClientCertificate = Boolean(secrets.clientCertificate);
    connection = toConnectionView(secrets, { ...facts, fromTemplate: false });
  } catch {
    // A secret sealed under another key reads as absent.
  }
  return {
    id: row.id,
    name: row.name,
    system: row.system,
    settings: row.config as IntegrationSettings,
    hasCredentials,
    connection,
    hasClientCertificate,
    usedBy,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
