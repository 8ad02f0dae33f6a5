import {
  createReleaseRequestSchema,
  type Release,
  updateReleaseRequestSchema,
} from '@tandem/contracts';
import { createRelease, deleteRelease, listReleases, updateRelease } from '@tandem/roadmap';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { actionContext } from '../lib/action-context.ts';
import { validate } from '../lib/validate.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

export const releaseRoutes = new Hono<AppEnv>()
  .get('/', requireWorkspaceRole('viewer'), async (c) => {
    const releases: Release[] = await listReleases(c.var.deps.database.db, c.var.workspace.id);
    return c.json({ releases }, 200);
  })
  .post(
    '/',
    requireWorkspaceRole('contributor'),
    validate('json', createReleaseRequestSchema),
    async (c) => {
      const release = await createRelease(
        c.var.deps.database,
        actionContext(c),
        c.var.workspace.id,
        c.req.valid('json'),
      );
      return c.json(release, 201);
    },
  )
  .patch(
    '/:releaseId',
    requireWorkspaceRole('contributor'),
    validate('json', updateReleaseRequestSchema),
    async (c) => {
      const release = await updateRelease(
        c.var.deps.database,
        actionContext(c),
        c.var.workspace.id,
        c.req.param('releaseId'),
        c.req.valid('json'),
      );
      return c.json(release, 200);
    },
  )
  .delete('/:releaseId', requireWorkspaceRole('contributor'), async (c) => {
    await deleteRelease(
      c.var.deps.database,
      actionContext(c),
      c.var.workspace.id,
      c.req.param('releaseId'),
    );
    return c.body(null, 204);
  });
