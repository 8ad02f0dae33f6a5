import {
  createFeatureRequestSchema,
  type Feature,
  type FeatureDetail,
  featureListQuerySchema,
  moveFeatureRequestSchema,
  updateFeatureRequestSchema,
} from '@tandem/contracts';
import {
  createFeature,
  deleteFeature,
  getFeatureDetail,
  listFeatures,
  moveFeature,
  updateFeature,
} from '@tandem/roadmap';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { actionContext } from '../lib/action-context.ts';
import { toAttachment } from '../lib/attachments.ts';
import { validate } from '../lib/validate.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

export const featureRoutes = new Hono<AppEnv>()
  .get(
    '/',
    requireWorkspaceRole('viewer'),
    validate('query', featureListQuerySchema),
    async (c) => {
      const page = await listFeatures(
        c.var.deps.database,
        c.var.workspace.id,
        c.req.valid('query'),
      );
      return c.json(page, 200);
    },
  )
  .post(
    '/',
    requireWorkspaceRole('contributor'),
    validate('json', createFeatureRequestSchema),
    async (c) => {
      const feature: Feature = await createFeature(
        c.var.deps.database,
        actionContext(c),
        c.var.workspace.id,
        c.req.valid('json'),
      );
      return c.json(feature, 201);
    },
  )
  .get('/:featureId', requireWorkspaceRole('viewer'), async (c) => {
    const detail = await getFeatureDetail(
      c.var.deps.database.db,
      c.var.workspace.id,
      c.req.param('featureId'),
    );
    const body: FeatureDetail = { ...detail, attachments: detail.attachments.map(toAttachment) };
    return c.json(body, 200);
  })
  .patch(
    '/:featureId',
    requireWorkspaceRole('contributor'),
    validate('json', updateFeatureRequestSchema),
    async (c) => {
      const feature: Feature = await updateFeature(
        c.var.deps.database,
        actionContext(c),
        c.var.workspace.id,
        c.req.param('featureId'),
        c.req.valid('json'),
      );
      return c.json(feature, 200);
    },
  )
  .post(
    '/:featureId/move',
    requireWorkspaceRole('contributor'),
    validate('json', moveFeatureRequestSchema),
    async (c) => {
      const feature: Feature = await moveFeature(
        c.var.deps.database,
        actionContext(c),
        c.var.workspace.id,
        c.req.param('featureId'),
        c.req.valid('json'),
      );
      return c.json(feature, 200);
    },
  )
  .delete('/:featureId', requireWorkspaceRole('contributor'), async (c) => {
    await deleteFeature(
      c.var.deps.database,
      actionContext(c),
      c.var.workspace.id,
      c.req.param('featureId'),
    );
    return c.body(null, 204);
  });
