import type { IntegrationTemplate } from '@tandem/contracts';
import {
  type IntegrationTemplateRow,
  integrationTemplatesRepository,
  workspacesRepository,
} from '@tandem/storage';
import type { AppDeps } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';
import { ownedWorkspaceIds } from '../middleware/any-owner.ts';
import { templatesWithRefusedCredentials } from './template-reauthorization.ts';
import { toTemplateView } from './template-view.ts';

type Deps = Required<AppDeps>;

/**
 * A template belongs to one workspace: its owners set it up, authorize it and share it. Owners
 * of a workspace it is shared with may see it and build integrations from it, nothing more.
 * Anyone else is told there is no such template (its existence is not confirmed).
 */
export type TemplateAccess = 'manage' | 'use';

/** The templates a user may see: those of the workspaces they own, and those shared with them. */
export async function visibleTemplates(
  deps: Deps,
  userId: string,
): Promise<{ rows: IntegrationTemplateRow[]; access: Map<string, TemplateAccess> }> {
  const owned = await ownedWorkspaceIds(deps.database.db, userId);
  const repo = integrationTemplatesRepository(deps.database.db);
  const [all, shared] = await Promise.all([repo.list(), repo.sharedInto(owned)]);
  const access = new Map<string, TemplateAccess>();
  for (const t of all) {
    if (t.createdInWorkspaceId && owned.includes(t.createdInWorkspaceId))
      access.set(t.id, 'manage');
    else if (shared.has(t.id)) access.set(t.id, 'use');
  }
  return { rows: all.filter((t) => access.has(t.id)), access };
}

/** The template, when the user may at least use it (`use`) or set it up (`manage`). */
export async function loadTemplate(
  deps: Deps,
  userId: string,
  id: string,
  need: TemplateAccess = 'manage',
): Promise<IntegrationTemplateRow> {
  const row = await integrationTemplatesRepository(deps.database.db).find(id);
  const access = row && (await templateAccess(deps, userId, row));
  if (!row || !access || (need === 'manage' && access !== 'manage')) {
    throw AppError.notFound('Integration template');
  }
  return row;
}

export async function templateAccess(
  deps: Deps,
  userId: string,
  row: IntegrationTemplateRow,
): Promise<TemplateAccess | null> {
  const owned = await ownedWorkspaceIds(deps.database.db, userId);
  if (row.createdInWorkspaceId && owned.includes(row.createdInWorkspaceId)) return 'manage';
  const shared = await integrationTemplatesRepository(deps.database.db).sharedInto(owned);
  return shared.has(row.id) ? 'use' : null;
}

/**
 * The workspace a new template belongs to: the one named (the user must own it), else the
 * workspace of the integration it is copied from, else the first workspace the user owns.
 */
export async function owningWorkspace(
  deps: Deps,
  userId: string,
  named: string | undefined,
  fromWorkspace: string | undefined,
): Promise<string> {
  const owned = (await workspacesRepository(deps.database.db).listForUser(userId))
    .filter((w) => w.role === 'owner')
    .map((w) => w.id);
  const chosen = named ?? fromWorkspace ?? owned[0];
  if (!chosen || !owned.includes(chosen)) {
    throw AppError.validation([
      { path: 'workspaceId', message: 'A template belongs to a workspace you own' },
    ]);
  }
  return chosen;
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
