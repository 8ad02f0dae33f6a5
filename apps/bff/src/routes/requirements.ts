import {
  createRequirementRequestSchema,
  type Requirement,
  updateRequirementRequestSchema,
} from '@tandem/contracts';
import {
  createRequirement,
  deleteRequirement,
  findFeature,
  listRequirements,
  updateRequirement,
} from '@tandem/roadmap';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { actionContext } from '../lib/action-context.ts';
import { AppError } from '../lib/errors.ts';
import { validate } from '../lib/validate.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

/** Mounted at the workspace: requirements live under a feature but are edited on their own. */
export const requirementRoutes = new Hono<AppEnv>()
  .get('/features/:featureId/requirements', requireWorkspaceRole('viewer'), async (c) => {
    const { db } = c.var.deps.database;
    const feature = await findFeature(db, c.req.param('featureId'));
    if (feature?.workspace_id !== c.var.workspace.id) throw AppError.notFound('Feature');
    const requirements: Requirement[] = await listRequirements(db, feature.id);
    return c.json({ requirements }, 200);
  })
  .post(
    '/features/:featureId/requirements',
    requireWorkspaceRole('contributor'),
    validate('json', createRequirementRequestSchema),
    async (c) => {
      const requirement = await createRequirement(
        c.var.deps.database,
        actionContext(c),
        c.var.workspace.id,
        c.req.param('featureId'),
        c.req.valid('json'),
      );
      return c.json(requirement, 201);
    },
  )
  .patch(
    '/requirements/:requirementId',
    requireWorkspaceRole('contributor'),
    validate('json', updateRequirementRequestSchema),
    async (c) => {
      const requirement = await updateRequirement(
        c.var.deps.database,
        actionContext(c),
        c.var.workspace.id,
        c.req.param('requirementId'),
        c.req.valid('json'),
      );
      return c.json(requirement, 200);
    },
  )
  .delete('/requirements/:requirementId', requireWorkspaceRole('contributor'), async (c) => {
    await deleteRequirement(
      c.var.deps.database,
      actionContext(c),
      c.var.workspace.id,
      c.req.param('requirementId'),
    );
    return c.body(null, 204);
  });
