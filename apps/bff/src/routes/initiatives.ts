import {
  createInitiativeRequestSchema,
  type Initiative,
  initiativeListQuerySchema,
  updateInitiativeRequestSchema,
} from '@tandem/contracts';
import {
  createInitiative,
  deleteInitiative,
  listInitiatives,
  updateInitiative,
  workspaceIdsOf,
} from '@tandem/roadmap';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { actionContext } from '../lib/action-context.ts';
import { validate } from '../lib/validate.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

export const initiativeRoutes = new Hono<AppEnv>()
  .get(
    '/',
    requireWorkspaceRole('viewer'),
    validate('query', initiativeListQuerySchema),
    async (c) => {
      const { db } = c.var.deps.database;
      const { scope } = c.req.valid('query');
      // `all`: initiatives of every workspace the user can see, for linking across workspaces.
      const workspaceIds =
        scope === 'all' ? await workspaceIdsOf(db, c.var.session!.user.id) : [c.var.workspace.id];
      const initiatives: Initiative[] = await listInitiatives(db, workspaceIds);
      return c.json({ initiatives }, 200);
    },
  )
  .post(
    '/',
    requireWorkspaceRole('contributor'),
    validate('json', createInitiativeRequestSchema),
    async (c) => {
      const initiative = await createInitiative(
        c.var.deps.database,
        actionContext(c),
        c.var.workspace.id,
        c.req.valid('json'),
      );
      return c.json(initiative, 201);
    },
  )
  .patch(
    '/:initiativeId',
    requireWorkspaceRole('contributor'),
    validate('json', updateInitiativeRequestSchema),
    async (c) => {
      const initiative = await updateInitiative(
        c.var.deps.database,
        actionContext(c),
        c.var.workspace.id,
        c.req.param('initiativeId'),
        c.req.valid('json'),
      );
      return c.json(initiative, 200);
    },
  )
  .delete('/:initiativeId', requireWorkspaceRole('contributor'), async (c) => {
    await deleteInitiative(
      c.var.deps.database,
      actionContext(c),
      c.var.workspace.id,
      c.req.param('initiativeId'),
    );
    return c.body(null, 204);
  });
