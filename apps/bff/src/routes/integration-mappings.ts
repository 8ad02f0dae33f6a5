import { preflightRequestSchema } from '@tandem/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { connectIntegration, loadIntegration } from '../integrations/integration-service.ts';
import { mappingDefaults } from '../integrations/mapping-defaults.ts';
import { runPreflight } from '../integrations/remote-schema.ts';
import { validate } from '../lib/validate.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

/** The wizard's record-mapping step: sensible defaults, and the pre-flight check. */
export const integrationMappingRoutes = new Hono<AppEnv>()
  .get('/:integrationId/mapping-defaults', requireWorkspaceRole('owner'), async (c) => {
    const deps = c.var.deps;
    const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
    const connection = await connectIntegration(deps, row);
    return c.json({ recordMappings: await mappingDefaults(deps, row, connection) }, 200);
  })
  .post(
    '/:integrationId/preflight',
    requireWorkspaceRole('owner'),
    validate('json', preflightRequestSchema),
    async (c) => {
      const deps = c.var.deps;
      const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
      const connection = await connectIntegration(deps, row);
      const mappings =
        c.req.valid('json').recordMappings ?? connection.effective.settings.recordMappings ?? [];
      return c.json(await runPreflight(deps, row, connection, mappings), 200);
    },
  );
