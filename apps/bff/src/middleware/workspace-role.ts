import { ROLE_RANK, type Role } from '@tandem/contracts';
import { workspacesRepository } from '@tandem/storage';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';

/**
 * Resolves `:workspaceId` for the signed-in user and enforces the least role the route needs.
 * Someone outside the workspace gets 404, so workspace ids cannot be probed.
 */
export function requireWorkspaceRole(least: Role) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const session = c.var.session;
    if (!session) throw AppError.unauthenticated();
    const workspaceId = c.req.param('workspaceId');
    if (!workspaceId) throw AppError.notFound('Workspace');
    const repo = workspacesRepository(c.var.deps.database.db);
    const [workspace, role] = await Promise.all([
      repo.findById(workspaceId),
      repo.roleOf(workspaceId, session.user.id),
    ]);
    if (!workspace || !role) throw AppError.notFound('Workspace');
    if (ROLE_RANK[role] < ROLE_RANK[least]) {
      throw AppError.forbidden(
        `This needs the ${least} role in ${workspace.name}; you are a ${role}`,
      );
    }
    c.set('workspace', { id: workspace.id, key: workspace.key, name: workspace.name, role });
    await next();
  });
}
