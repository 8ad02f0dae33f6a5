import {
  integrationsRepository,
  integrationTemplatesRepository,
  workspacesRepository,
} from '@tandem/storage';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { integrationTarget } from '../integrations/credential-target.ts';
import { loadIntegration } from '../integrations/integration-service.ts';
import { completeAuthorization, startAuthorization } from '../integrations/oauth-flow.ts';
import { returnOfState } from '../integrations/oauth-state.ts';
import { templateTarget } from '../integrations/template-credential-target.ts';
import { templateAccess } from '../integrations/template-service.ts';
import { AppError } from '../lib/errors.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

/** *Authorize*: where to send the browser (the remote's login and consent pages). */
export const oauthStartRoutes = new Hono<AppEnv>().post(
  '/:integrationId/oauth/start',
  requireWorkspaceRole('owner'),
  async (c) => {
    const deps = c.var.deps;
    const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
    const authorizationUrl = await startAuthorization(
      deps,
      await integrationTarget(deps, row),
      c.var.session!.user.id,
      { kind: 'integration', integrationId: row.id },
    );
    return c.json({ authorizationUrl }, 200);
  },
);

const settingsBase = (workspaceKey: string) =>
  `/w/${encodeURIComponent(workspaceKey)}/settings/integrations`;

/**
 * The remote sends the browser back here. Every outcome returns to where the authorization was
 * started, the wizard's authorize step or the template's page: `?connected=1`, or
 * `?error=denied|state_mismatch|expired|exchange_failed`.
 */
export const oauthCallbackRoutes = new Hono<AppEnv>().get(
  '/:system/callback',
  // A browser whose Tandem session ended while it was at the remote signs in and comes back here.
  async (c, next) => {
    if (c.var.session) return next();
    const back = new URL(c.req.url);
    return c.redirect(`/login?next=${encodeURIComponent(back.pathname + back.search)}`, 302);
  },
  async (c) => {
    const deps = c.var.deps;
    const userId = c.var.session!.user.id;
    const to = returnOfState(c.req.query('state') ?? '');
    const workspaces = workspacesRepository(deps.database.db);
    const ownedWorkspace = async (workspaceId: string) =>
      (await workspaces.roleOf(workspaceId, userId)) === 'owner'
        ? workspaces.findById(workspaceId)
        : undefined;

    if (to?.kind === 'template') {
      const found = await integrationTemplatesRepository(deps.database.db).find(to.templateId);
      // Only owners of the template's own workspace set up its connection.
      const template =
        found && (await templateAccess(deps, userId, found)) === 'manage' ? found : undefined;
      const workspace = template && (await ownedWorkspace(to.workspaceId));
      if (!template || !workspace) {
        throw new AppError(
          400,
          'bad_request',
          'This authorization answer does not belong to a template you can set up; start again from the template',
        );
      }
      const error = await completeAuthorization(
        deps,
        templateTarget(deps, template),
        userId,
        c.req.url,
      );
      const back = `${settingsBase(workspace.key)}/templates/${encodeURIComponent(template.id)}`;
      return c.redirect(error ? `${back}?error=${error}` : `${back}?connected=1`, 302);
    }

    const row = to
      ? await integrationsRepository(deps.database.db).find(to.integrationId)
      : undefined;
    const workspace = row && (await ownedWorkspace(row.workspaceId));
    if (!row || !workspace) {
      throw new AppError(
        400,
        'bad_request',
        'This authorization answer does not belong to an integration you can set up; start again from the wizard',
      );
    }
    const error = await completeAuthorization(
      deps,
      await integrationTarget(deps, row),
      userId,
      c.req.url,
    );
    const back = `${settingsBase(workspace.key)}/${encodeURIComponent(row.id)}/wizard/authorize`;
    return c.redirect(error ? `${back}?error=${error}` : `${back}?connected=1`, 302);
  },
);
