import {
  createIntegrationRequestSchema,
  setApiKeyRequestSchema,
  updateIntegrationRequestSchema,
} from '@tandem/contracts';
import { integrationsRepository } from '@tandem/storage';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import {
  connectWithApiKey,
  enableIntegration,
  loadIntegration,
  prepareSettings,
} from '../integrations/integration-service.ts';
import { toIntegrationView } from '../integrations/integration-view.ts';
import { AppError } from '../lib/errors.ts';
import { validate } from '../lib/validate.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

/** Setting integrations up is for workspace owners; contributors only see which ones send. */
export const integrationRoutes = new Hono<AppEnv>()
  .get('/', requireWorkspaceRole('owner'), async (c) => {
    const rows = await integrationsRepository(c.var.deps.database.db).listForWorkspace(
      c.var.workspace.id,
    );
    return c.json({ integrations: rows.map((r) => toIntegrationView(r, c.var.deps.secrets)) }, 200);
  })
  .get('/enabled', requireWorkspaceRole('viewer'), async (c) => {
    const rows = await integrationsRepository(c.var.deps.database.db).listForWorkspace(
      c.var.workspace.id,
    );
    const enabled = rows
      .filter((r) => r.state === 'enabled')
      .map((r) => ({ id: r.id, name: r.name, system: r.system }));
    return c.json({ integrations: enabled }, 200);
  })
  .post(
    '/',
    requireWorkspaceRole('owner'),
    validate('json', createIntegrationRequestSchema),
    async (c) => {
      const input = c.req.valid('json');
      const row = await integrationsRepository(c.var.deps.database.db).create(
        {
          workspaceId: c.var.workspace.id,
          system: input.system,
          name: input.name,
          templateId: input.templateId ?? null,
          config: {},
        },
        c.var.deps.now().toISOString(),
      );
      return c.json(toIntegrationView(row, c.var.deps.secrets), 201);
    },
  )
  .get('/:integrationId', requireWorkspaceRole('owner'), async (c) => {
    const row = await loadIntegration(c.var.deps, c.var.workspace.id, c.req.param('integrationId'));
    return c.json(toIntegrationView(row, c.var.deps.secrets), 200);
  })
  .patch(
    '/:integrationId',
    requireWorkspaceRole('owner'),
    validate('json', updateIntegrationRequestSchema),
    async (c) => {
      const { version, settings, ...rest } = c.req.valid('json');
      const deps = c.var.deps;
      const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
      const config = settings ? await prepareSettings(deps, row, settings) : undefined;
      const updated = await integrationsRepository(deps.database.db).update(
        row.id,
        { ...rest, ...(config ? { config } : {}) },
        version,
        deps.now().toISOString(),
      );
      if (!updated) {
        const current = await loadIntegration(deps, c.var.workspace.id, row.id);
        throw AppError.conflict(
          'Someone else changed this integration; reload to see their changes',
          {
            currentVersion: current.version,
            current: toIntegrationView(current, deps.secrets),
          },
        );
      }
      return c.json(toIntegrationView(updated, deps.secrets), 200);
    },
  )
  .put(
    '/:integrationId/credentials/api-key',
    requireWorkspaceRole('owner'),
    validate('json', setApiKeyRequestSchema),
    async (c) => {
      const row = await loadIntegration(
        c.var.deps,
        c.var.workspace.id,
        c.req.param('integrationId'),
      );
      const updated = await connectWithApiKey(c.var.deps, row, c.req.valid('json').apiKey);
      return c.json(toIntegrationView(updated, c.var.deps.secrets), 200);
    },
  )
  .post('/:integrationId/enable', requireWorkspaceRole('owner'), async (c) => {
    const row = await loadIntegration(c.var.deps, c.var.workspace.id, c.req.param('integrationId'));
    const updated = await enableIntegration(c.var.deps, row);
    return c.json(toIntegrationView(updated, c.var.deps.secrets), 200);
  })
  .post('/:integrationId/disable', requireWorkspaceRole('owner'), async (c) => {
    const row = await loadIntegration(c.var.deps, c.var.workspace.id, c.req.param('integrationId'));
    const updated = await integrationsRepository(c.var.deps.database.db).update(row.id, {
      state: 'disabled',
    });
    return c.json(toIntegrationView(updated!, c.var.deps.secrets), 200);
  })
  .delete('/:integrationId', requireWorkspaceRole('owner'), async (c) => {
    const row = await loadIntegration(c.var.deps, c.var.workspace.id, c.req.param('integrationId'));
    // The roadmap records and the log stay; only the integration and its link state go.
    await integrationsRepository(c.var.deps.database.db).delete(row.id);
    return c.body(null, 204);
  });
