import type { IntegrationSettings } from '@tandem/contracts';
import {
  type Database,
  type IntegrationRow,
  type IntegrationTemplateRow,
  integrationTemplatesRepository,
  type SecretBox,
} from '@tandem/storage';
import type { Kysely } from 'kysely';
import { accountOrigin, sameAccount } from './account-url.ts';
import type { IntegrationSecrets } from './integration-secrets.ts';

/** Where a secret lives: the integration's own row, or the template it inherits from. */
export type SecretSource = { kind: 'integration' | 'template'; id: string };

/**
 * An integration as it runs: the template's settings and secrets under the integration's own
 * (its own values win), so a change to the template reaches every integration using it.
 * Secrets are used only for the account URL they were stored for (decision 021): the
 * integration's own when bound to its account URL, the template's when the integration's account
 * URL is the template's own and the template's secrets are bound to it.
 */
export type EffectiveIntegration = {
  row: IntegrationRow;
  template: IntegrationTemplateRow | null;
  settings: IntegrationSettings;
  secrets: IntegrationSecrets;
  /** Where the credentials came from (a refreshed OAuth grant is saved back there). */
  credentialSource: SecretSource | null;
  /** The account (origin) the secrets in use were stored for; null when none are used. */
  account: string | null;
  /** Why stored credentials are not used here, when some are held back; null otherwise. */
  withheld: string | null;
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
const hasAny = (s: IntegrationSecrets) => hasCredentials(s) || Boolean(s.clientCertificate);

/** Template values under the integration's own; undefined own values do not hide the template's. */
export function mergeSettings(
  template: Record<string, unknown> | undefined,
  own: Record<string, unknown>,
): IntegrationSettings {
  const out: Record<string, unknown> = { ...(template ?? {}) };
  for (const [key, value] of Object.entries(own)) if (value !== undefined) out[key] = value;
  return out as IntegrationSettings;
}

/**
 * `template` must be one the integration's workspace may use (see `usableTemplate`); its
 * secrets are inherited only for the template's own account URL.
 */
export function composeEffective(
  box: SecretBox,
  row: IntegrationRow,
  template: IntegrationTemplateRow | null,
): EffectiveIntegration {
  const settings = mergeSettings(template?.config, row.config);
  const account = accountOrigin(settings.accountUrl);
  const withheld: string[] = [];

  const ownStored = openIntegrationSecrets(box, row);
  const ownBound = account !== null && sameAccount(row.credentialsAccountUrl, account);
  const own = ownBound ? ownStored : {};
  if (!ownBound && hasAny(ownStored)) {
    withheld.push(
      `The credentials stored for ${row.credentialsAccountUrl ?? 'another account URL'} are not used for ${account ?? 'this integration'}; connect again`,
    );
  }

  const inheritedStored = template ? openTemplateSecrets(box, template) : {};
  const inheritedBound =
    template !== null &&
    account !== null &&
    sameAccount(template.credentialsAccountUrl, account) &&
    sameAccount(template.config.accountUrl as string | undefined, account);
  const inherited = inheritedBound ? inheritedStored : {};
  if (template && !inheritedBound && hasAny(inheritedStored)) {
    withheld.push(
      `The template ${template.name} holds credentials for ${accountOrigin(template.config.accountUrl as string | undefined) ?? 'another account URL'} only; connect ${account ?? 'this integration'} on its own`,
    );
  }

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
    settings,
    secrets,
    credentialSource: !hasCredentials(credentials)
      ? null
      : useOwn
        ? { kind: 'integration', id: row.id }
        : { kind: 'template', id: template!.id },
    account: hasAny(secrets) ? account : null,
    withheld: withheld.length > 0 ? withheld.join('. ') : null,
  };
}

/**
 * Whether an integration of `workspaceId` may use the template: templates belong to the
 * workspace they were made in, and to the workspaces its owners shared them with.
 */
export async function templateUsableBy(
  db: Kysely<Database>,
  template: IntegrationTemplateRow,
  workspaceId: string,
): Promise<boolean> {
  if (template.createdInWorkspaceId === workspaceId) return true;
  return integrationTemplatesRepository(db).isSharedWith(template.id, workspaceId);
}

/** The integration's template, when its workspace may (still) use it; null otherwise. */
export async function usableTemplate(
  db: Kysely<Database>,
  row: IntegrationRow,
): Promise<IntegrationTemplateRow | null> {
  if (!row.templateId) return null;
  const template = await integrationTemplatesRepository(db).find(row.templateId);
  if (!template) return null;
  return (await templateUsableBy(db, template, row.workspaceId)) ? template : null;
}

export async function loadEffective(
  db: Kysely<Database>,
  box: SecretBox,
  row: IntegrationRow,
): Promise<EffectiveIntegration> {
  return composeEffective(box, row, await usableTemplate(db, row));
}
