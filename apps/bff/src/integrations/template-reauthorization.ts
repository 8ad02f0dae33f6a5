import { type Database, integrationTemplatesRepository, type SecretBox } from '@tandem/storage';
import type { IntegrationSecrets } from '@tandem/sync-engine/runner';
import type { Kysely } from 'kysely';

/**
 * The templates whose credentials the remote refused: an integration that connects with them
 * (it has none of its own) waits to be re-authorized. Authorizing the template again resumes it.
 */
export async function templatesWithRefusedCredentials(
  db: Kysely<Database>,
  box: SecretBox,
  templateId?: string,
): Promise<Set<string>> {
  const waiting = await integrationTemplatesRepository(db).waitingForReauthorization(templateId);
  const refused = new Set<string>();
  for (const w of waiting) {
    try {
      const own = w.sealedSecrets ? box.open<IntegrationSecrets>(w.sealedSecrets, w.id) : {};
      if (!own.apiKey && !own.oauth) refused.add(w.templateId);
    } catch {
      // Unreadable secrets are none of the template's business.
    }
  }
  return refused;
}
