import type { TemplateShares } from '@tandem/contracts';
import {
  type IntegrationTemplateRow,
  integrationTemplatesRepository,
  workspacesRepository,
} from '@tandem/storage';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { loadTemplate } from '../integrations/template-service.ts';
import { AppError } from '../lib/errors.ts';

type Deps = Required<AppDeps>;

async function sharesOf(deps: Deps, template: IntegrationTemplateRow): Promise<TemplateShares> {
  const workspaces = workspacesRepository(deps.database.db);
  const home = await workspaces.findById(template.createdInWorkspaceId ?? '');
  if (!home) throw AppError.notFound('Integration template');
  const shares = await integrationTemplatesRepository(deps.database.db).sharedWith(template.id);
  const sharedWith: TemplateShares['sharedWith'] = [];
  for (const share of shares) {
    const w = await workspaces.findById(share.workspaceId);
    if (w) sharedWith.push({ id: w.id, key: w.key, name: w.name, sharedAt: share.sharedAt });
  }
  return { workspace: { id: home.id, key: home.key, name: home.name }, sharedWith };
}

/** The workspace a share names by its key; any workspace may be named, none is listed. */
async function workspaceByKey(deps: Deps, template: IntegrationTemplateRow, key: string) {
  const workspace = await workspacesRepository(deps.database.db).findByKey(key);
  if (!workspace) throw AppError.notFound('Workspace');
  if (workspace.id === template.createdInWorkspaceId) {
    throw AppError.validation([
      { path: 'workspaceKey', message: 'The template belongs to this workspace already' },
    ]);
  }
  return workspace;
}

/**
 * Sharing a template: an owner of the template's workspace lets another workspace (named by its
 * key) build integrations from it, with its settings and its connection (decision 021). Mounted
 * under the templates router; for owners of the template's workspace only.
 */
export const templateShareRoutes = new Hono<AppEnv>()
  .get('/:templateId/shares', async (c) => {
    const deps = c.var.deps;
    const template = await loadTemplate(deps, c.var.session!.user.id, c.req.param('templateId'));
    return c.json(await sharesOf(deps, template), 200);
  })
  .put('/:templateId/shares/:workspaceKey', async (c) => {
    const deps = c.var.deps;
    const userId = c.var.session!.user.id;
    const template = await loadTemplate(deps, userId, c.req.param('templateId'));
    const workspace = await workspaceByKey(deps, template, c.req.param('workspaceKey'));
    await integrationTemplatesRepository(deps.database.db).share(
      template.id,
      workspace.id,
      userId,
      deps.now().toISOString(),
    );
    return c.json(await sharesOf(deps, template), 200);
  })
  .delete('/:templateId/shares/:workspaceKey', async (c) => {
    const deps = c.var.deps;
    const template = await loadTemplate(deps, c.var.session!.user.id, c.req.param('templateId'));
    const workspace = await workspaceByKey(deps, template, c.req.param('workspaceKey'));
    await integrationTemplatesRepository(deps.database.db).unshare(template.id, workspace.id);
    return c.json(await sharesOf(deps, template), 200);
  });
