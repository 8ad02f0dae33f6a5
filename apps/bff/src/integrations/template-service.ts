import type { IntegrationTemplate } from '@tandem/contracts';
import { type IntegrationTemplateRow, integrationTemplatesRepository } from '@tandem/storage';
import type { AppDeps } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';
import { templatesWithRefusedCredentials } from './template-reauthorization.ts';
import { toTemplateView } from './template-view.ts';

type Deps = Required<AppDeps>;

export async function loadTemplate(deps: Deps, id: string): Promise<IntegrationTemplateRow> {
  const row = await integrationTemplatesRepository(deps.database.db).find(id);
  if (!row) throw AppError.notFound('Integration template');
  return row;
}

/** One template as owners see it, with how many integrations use it and whether they wait for it. */
export async function templateView(
  deps: Deps,
  row: IntegrationTemplateRow,
): Promise<IntegrationTemplate> {
  const [usage, refused] = await Promise.all([
    integrationTemplatesRepository(deps.database.db).usage(),
    templatesWithRefusedCredentials(deps.database.db, deps.secrets, row.id),
  ]);
  return toTemplateView(row, deps.secrets, usage.get(row.id) ?? 0, {
    now: deps.now(),
    refused: refused.has(row.id),
  });
}
