import {
  type CustomFieldDefinition,
  createCustomFieldRequestSchema,
  updateCustomFieldRequestSchema,
} from '@tandem/contracts';
import {
  createCustomField,
  deleteCustomField,
  listCustomFields,
  updateCustomField,
} from '@tandem/roadmap';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { actionContext } from '../lib/action-context.ts';
import { validate } from '../lib/validate.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

/** Definitions are workspace settings: members read them, only owners change them. */
export const customFieldRoutes = new Hono<AppEnv>()
  .get('/', requireWorkspaceRole('viewer'), async (c) => {
    const fields: CustomFieldDefinition[] = await listCustomFields(
      c.var.deps.database.db,
      c.var.workspace.id,
    );
    return c.json({ fields }, 200);
  })
  .post(
    '/',
    requireWorkspaceRole('owner'),
    validate('json', createCustomFieldRequestSchema),
    async (c) => {
      const field = await createCustomField(
        c.var.deps.database,
        actionContext(c),
        c.var.workspace.id,
        c.req.valid('json'),
      );
      return c.json(field, 201);
    },
  )
  .patch(
    '/:fieldId',
    requireWorkspaceRole('owner'),
    validate('json', updateCustomFieldRequestSchema),
    async (c) => {
      const field = await updateCustomField(
        c.var.deps.database,
        actionContext(c),
        c.var.workspace.id,
        c.req.param('fieldId'),
        c.req.valid('json'),
      );
      return c.json(field, 200);
    },
  )
  .delete('/:fieldId', requireWorkspaceRole('owner'), async (c) => {
    await deleteCustomField(
      c.var.deps.database,
      actionContext(c),
      c.var.workspace.id,
      c.req.param('fieldId'),
    );
    return c.body(null, 204);
  });
