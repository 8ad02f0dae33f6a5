import { integrationsRepository, workspacesRepository } from '@tandem/storage';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { loadIntegration } from '../integrations/integration-service.ts';
import {
  completeAuthorization,
  integrationOfState,
  startAuthorization,
} from '../integrations/oauth-flow.ts';
import { AppError } from '../lib/errors.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

/** *Authorize*: where to send the browser (the remote's login and consent pages). */
export const oauthStartRoutes = new Hono<AppEnv>().post(
  '/:integrationId/oauth/start',
  requireWorkspaceRole('owner'),
  async (c) => {
    const row = await loadIntegration(c.var.deps, c.var.workspace.id, c.req.param('integrationId'));
    const authorizationUrl = await startAuthorization(c.var.deps, row, c.var.session!.user.id);
    return c.json({ authorizationUrl }, 200);
  },
);

/**
 * The remote sends the browser back here. Every outcome returns to the wizard's authorize step:
 * `?connected=1`, or `?error=denied|state_mismatch|expired|exchange_failed`.
 */
export const oauthCallbackRoutes = new Hono<AppEnv>().get(
  '/rally/callback',
  // A browser whose Tandem session ended while it was at Rally signs in and comes back here.
  async (c, next) => {
    if (c.var.session) return next();
    const back = new URL(c.req.url);
    return c.redirect(`/login?next=${encodeURIComponent(back.pathname + back.search)}`, 302);
  },
  async (c) => {
    const deps = c.var.deps;
    const integrationId = integrationOfState(c.req.query('state') ?? '');
    const row = integrationId
      ? await integrationsRepository(deps.database.db).find(integrationId)
      : undefined;
    const workspaces = workspacesRepository(deps.database.db);
    const role = row && (await workspaces.roleOf(row.workspaceId, c.var.session!.user.id));
    const workspace =
      row && role === 'owner' ? await workspaces.findById(row.workspaceId) : undefined;
    if (!row || !workspace) {
      throw new AppError(
        400,
        'bad_request',
        'This authorization answer does not belong to an integration you can set up; start again from the wizard',
      );
    }
    await loadIntegration(deps, workspace.id, row.id);
    const error = await completeAuthorization(deps, row, c.var.session!.user.id, c.req.url);
    const back = `/w/${encodeURIComponent(workspace.key)}/settings/integrations/${encodeURIComponent(row.id)}/wizard/authorize`;
    return c.redirect(error ? `${back}?error=${error}` : `${back}?connected=1`, 302);
  },
);
