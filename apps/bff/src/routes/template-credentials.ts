import { setApiKeyRequestSchema, templateOAuthStartRequestSchema } from '@tandem/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { connectWithApiKey } from '../integrations/api-key-connection.ts';
import { startAuthorization } from '../integrations/oauth-flow.ts';
import { templateTarget } from '../integrations/template-credential-target.ts';
import { loadTemplate, templateView } from '../integrations/template-service.ts';
import { AppError } from '../lib/errors.ts';
import { validate } from '../lib/validate.ts';
import { ownedWorkspaceIds } from '../middleware/any-owner.ts';

/** The workspace whose settings the owner works from; the authorization's answer returns there. */
async function ownedWorkspace(c: { var: AppEnv['Variables'] }, workspaceId: string) {
  const owned = await ownedWorkspaceIds(c.var.deps.database.db, c.var.session!.user.id);
  if (!owned.includes(workspaceId)) {
    throw AppError.validation([
      { path: 'workspaceId', message: 'Authorize templates from a workspace you own' },
    ]);
  }
  return workspaceId;
}

/**
 * A template authorized on its own, as the wizard authorizes an integration: the remote's sign-in
 * (OAuth 2.0 with PKCE) or an API key. Mounted under the templates router; for owners of the
 * template's workspace only.
 */
export const templateCredentialRoutes = new Hono<AppEnv>()
  .post(
    '/:templateId/oauth/start',
    validate('json', templateOAuthStartRequestSchema),
    async (c) => {
      const deps = c.var.deps;
      const template = await loadTemplate(deps, c.var.session!.user.id, c.req.param('templateId'));
      const workspaceId = await ownedWorkspace(c, c.req.valid('json').workspaceId);
      const authorizationUrl = await startAuthorization(
        deps,
        templateTarget(deps, template),
        c.var.session!.user.id,
        { kind: 'template', templateId: template.id, workspaceId },
      );
      return c.json({ authorizationUrl }, 200);
    },
  )
  .put('/:templateId/credentials/api-key', validate('json', setApiKeyRequestSchema), async (c) => {
    const deps = c.var.deps;
    const userId = c.var.session!.user.id;
    const template = await loadTemplate(deps, userId, c.req.param('templateId'));
    await connectWithApiKey(templateTarget(deps, template), c.req.valid('json').apiKey);
    return c.json(await templateView(deps, await loadTemplate(deps, userId, template.id)), 200);
  });
