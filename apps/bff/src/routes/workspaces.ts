import { updateWorkspaceRequestSchema, type Workspace } from '@tandem/contracts';
import { type WorkspaceRow, workspacesRepository } from '@tandem/storage';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';
import { validate } from '../lib/validate.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

const toWorkspace = (w: WorkspaceRow): Workspace => ({
  id: w.id,
  name: w.name,
  key: w.key,
  createdAt: w.createdAt,
  updatedAt: w.updatedAt,
});

export const workspaceRoutes = new Hono<AppEnv>()
  .get('/:workspaceId', requireWorkspaceRole('viewer'), async (c) => {
    const w = await workspacesRepository(c.var.deps.database.db).findById(c.var.workspace.id);
    if (!w) throw AppError.notFound('Workspace');
    return c.json(toWorkspace(w), 200);
  })
  .patch(
    '/:workspaceId',
    requireWorkspaceRole('owner'),
    validate('json', updateWorkspaceRequestSchema),
    async (c) => {
      const { name } = c.req.valid('json');
      const repo = workspacesRepository(c.var.deps.database.db);
      const w = await repo.rename(c.var.workspace.id, name, c.var.deps.now().toISOString());
      if (!w) throw AppError.notFound('Workspace');
      return c.json(toWorkspace(w), 200);
    },
  )
  .get('/:workspaceId/members', requireWorkspaceRole('viewer'), async (c) => {
    const members = await workspacesRepository(c.var.deps.database.db).listMembers(
      c.var.workspace.id,
    );
    return c.json({ members }, 200);
  });
