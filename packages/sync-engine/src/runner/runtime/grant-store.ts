import {
  type Database,
  integrationsRepository,
  integrationTemplatesRepository,
  type SecretBox,
} from '@tandem/storage';
import type { Kysely } from 'kysely';
import {
  openIntegrationSecrets,
  openTemplateSecrets,
  type SecretSource,
  sealTemplateSecrets,
} from './effective-integration.ts';
import type { StoredGrant } from './integration-secrets.ts';

/**
 * Saves a (refreshed) OAuth grant where it came from: the integration or its template, and only
 * while that still holds credentials for `account` (a change of account URL that dropped them
 * meanwhile is not undone). False when it was not saved.
 */
export async function saveOAuthGrant(
  db: Kysely<Database>,
  box: SecretBox,
  source: SecretSource,
  grant: StoredGrant,
  account: string,
): Promise<boolean> {
  if (source.kind === 'integration') {
    const repo = integrationsRepository(db);
    const row = await repo.find(source.id);
    if (!row || row.credentialsAccountUrl !== account) return false;
    const secrets = { ...openIntegrationSecrets(box, row), oauth: grant };
    return repo.updateSecretsBoundTo(row.id, box.seal(secrets, row.id), account);
  }
  const repo = integrationTemplatesRepository(db);
  const template = await repo.find(source.id);
  if (!template || template.credentialsAccountUrl !== account) return false;
  const secrets = { ...openTemplateSecrets(box, template), oauth: grant };
  return repo.updateSecretsBoundTo(
    template.id,
    sealTemplateSecrets(box, template.id, secrets),
    account,
  );
}
