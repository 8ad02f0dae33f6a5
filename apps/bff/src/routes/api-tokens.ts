import { issueTokenRequestSchema, type TokensDb, tokenRepository } from '@tandem/public-api';
import { integrationsRepository } from '@tandem/storage';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';
import { validate } from '../lib/validate.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

/**
 * A workspace's API tokens for the public API (issue 22): owners list, issue and revoke them.
 * The secret is in the answer to the issue once; only its hash is kept.
 */
export const apiTokenRoutes = new Hono<AppEnv>()
  .get('/', requireWorkspaceRole('owner'), async (c) => {
    const tokens = await tokenRepository(c.var.deps.database.db as unknown as TokensDb).list(
      c.var.workspace.id,
    );
    return c.json({ tokens }, 200);
  })
  .post(
    '/',
    requireWorkspaceRole('owner'),
    validate('json', issueTokenRequestSchema),
    async (c) => {
      const input = c.req.valid('json');
      if (input.integrationId) {
        const integration = await integrationsRepository(c.var.deps.database.db).find(
          input.integrationId,
        );
        if (integration?.workspaceId !== c.var.workspace.id) throw AppError.notFound('Integration');
      }
      const issued = await tokenRepository(c.var.deps.database.db as unknown as TokensDb).issue({
        ...input,
        workspaceId: c.var.workspace.id,
        createdBy: c.var.session?.user.id ?? null,
        now: new Date(),
      });
      return c.json(issued, 201);
    },
  )
  .delete('/:tokenId', requireWorkspaceRole('owner'), async (c) => {
    const revoked = await tokenRepository(c.var.deps.database.db as unknown as TokensDb).revoke(
      c.var.workspace.id,
      c.req.param('tokenId'),
      new Date(),
    );
    if (!revoked) throw AppError.notFound('API token');
    return c.body(null, 204);
  });
