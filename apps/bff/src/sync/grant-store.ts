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
} from '../integrations/effective-integration.ts';
import type { StoredGrant } from './integration-secrets.ts';

/** Saves a (refreshed) OAuth grant where it came from: the integration or its template. */
export async function saveOAuthGrant(
  db: Kysely<Database>,
  box: SecretBox,
  source: SecretSource,
  grant: StoredGrant,
): Promise<void> {
  if (source.kind === 'integration') {
    const repo = integrationsRepository(db);
    const row = await repo.find(source.id);
    if (!row) return;
    const secrets = { ...openIntegrationSecrets(box, row), oauth: grant };
    await repo.update(row.id, { sealedSecrets: box.seal(secrets, row.id) });
    return;
  }
  const repo = integrationTemplatesRepository(db);
  const template = await repo.find(source.id);
  if (!template) return;
  const secrets = { ...openTemplateSecrets(box, template), oauth: grant };
  await repo.update(template.id, { sealedSecrets: sealTemplateSecrets(box, template.id, secrets) });
}
