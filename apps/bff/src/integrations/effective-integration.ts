import type { IntegrationSettings } from '@tandem/contracts';
import {
  type Database,
  type IntegrationRow,
  type IntegrationTemplateRow,
  integrationTemplatesRepository,
  type SecretBox,
} from '@tandem/storage';
import type { Kysely } from 'kysely';
import type { IntegrationSecrets } from '../sync/integration-secrets.ts';

/** Where a secret lives: the integration's own row, or the template it inherits from. */
export type SecretSource = { kind: 'integration' | 'template'; id: string };

/**
 * An integration as it runs: the template's settings and secrets under the integration's own
 * (its own values win), so a change to the template reaches every integration using it.
 */
export type EffectiveIntegration = {
  row: IntegrationRow;
  template: IntegrationTemplateRow | null;
  settings: IntegrationSettings;
  secrets: IntegrationSecrets;
  /** Where the credentials came from (a refreshed OAuth grant is saved back there). */
  credentialSource: SecretSource | null;
};

export function openIntegrationSecrets(box: SecretBox, row: IntegrationRow): IntegrationSecrets {
  return row.sealedSecrets ? box.open<IntegrationSecrets>(row.sealedSecrets, row.id) : {};
}

export function openTemplateSecrets(
  box: SecretBox,
  template: IntegrationTemplateRow,
): IntegrationSecrets {
  return template.sealedSecrets
    ? box.open<IntegrationSecrets>(template.sealedSecrets, `template:${template.id}`)
    : {};
}

export function sealTemplateSecrets(
  box: SecretBox,
  templateId: string,
  secrets: IntegrationSecrets,
): string {
  return box.seal(secrets, `template:${templateId}`);
}

const hasCredentials = (s: IntegrationSecrets) => Boolean(s.apiKey || s.oauth);

/** Template values under the integration's own; undefined own values do not hide the template's. */
export function mergeSettings(
  template: Record<string, unknown> | undefined,
  own: Record<string, unknown>,
): IntegrationSettings {
  const out: Record<string, unknown> = { ...(template ?? {}) };
  for (const [key, value] of Object.entries(own)) if (value !== undefined) out[key] = value;
  return out as IntegrationSettings;
}

export function composeEffective(
  box: SecretBox,
  row: IntegrationRow,
  template: IntegrationTemplateRow | null,
): EffectiveIntegration {
  const own = openIntegrationSecrets(box, row);
  const inherited = template ? openTemplateSecrets(box, template) : {};
  const useOwn = hasCredentials(own) || !hasCredentials(inherited);
  const credentials = useOwn ? own : inherited;
  const secrets: IntegrationSecrets = {
    ...(credentials.apiKey ? { apiKey: credentials.apiKey } : {}),
    ...(credentials.connectedAs !== undefined ? { connectedAs: credentials.connectedAs } : {}),
    ...(credentials.remoteUserId ? { remoteUserId: credentials.remoteUserId } : {}),
    ...(credentials.connectedAt ? { connectedAt: credentials.connectedAt } : {}),
    ...(credentials.oauth ? { oauth: credentials.oauth } : {}),
  };
  const certificate = own.clientCertificate ?? inherited.clientCertificate;
  if (certificate) secrets.clientCertificate = certificate;
  return {
    row,
    template,
    settings: mergeSettings(template?.config, row.config),
    secrets,
    credentialSource: !hasCredentials(credentials)
      ? null
      : useOwn
        ? { kind: 'integration', id: row.id }
        : { kind: 'template', id: template!.id },
  };
}

export async function loadEffective(
  db: Kysely<Database>,
  box: SecretBox,
  row: IntegrationRow,
): Promise<EffectiveIntegration> {
  const template = row.templateId
    ? ((await integrationTemplatesRepository(db).find(row.templateId)) ?? null)
    : null;
  return composeEffective(box, row, template);
}
