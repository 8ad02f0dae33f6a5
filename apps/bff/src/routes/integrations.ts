import {
  createIntegrationRequestSchema,
  isActiveIntegration,
  type PollResult,
  setApiKeyRequestSchema,
  updateIntegrationRequestSchema,
} from '@tandem/contracts';
import {
  type IntegrationRow,
  integrationsRepository,
  integrationTemplatesRepository,
} from '@tandem/storage';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { pollRemoteChanges } from '../integrations/incoming-poll.ts';
import { removeIntegration } from '../integrations/integration-removal.ts';
import {
  connectWithApiKey,
  enableIntegration,
  loadIntegration,
  prepareSettings,
} from '../integrations/integration-service.ts';
import { toIntegrationView } from '../integrations/integration-view.ts';
import { checkMappings } from '../integrations/mapping-check.ts';
import { callRemote } from '../integrations/remote-failure.ts';
import { registerWebhooks, unregisterWebhooks } from '../integrations/webhook-registration.ts';
import { AppError } from '../lib/errors.ts';
import { validate } from '../lib/validate.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

type Deps = AppEnv['Variables']['deps'];

async function viewOf(deps: Deps, row: IntegrationRow) {
  const template = row.templateId
    ? ((await integrationTemplatesRepository(deps.database.db).find(row.templateId)) ?? null)
    : null;
  return toIntegrationView(row, deps.secrets, template, deps.env);
}

const SCOPE_KEYS = ['remoteWorkspace', 'remoteProject', 'excludeChildUpdates'] as const;
function scopeChanged(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  return SCOPE_KEYS.some((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** Setting integrations up is for workspace owners; contributors only see which ones send. */
export const integrationRoutes = new Hono<AppEnv>()
  .get('/', requireWorkspaceRole('owner'), async (c) => {
    const deps = c.var.deps;
    const rows = await integrationsRepository(deps.database.db).listForWorkspace(
      c.var.workspace.id,
    );
    const templates = new Map(
      (await integrationTemplatesRepository(deps.database.db).list()).map((t) => [t.id, t]),
    );
    return c.json(
      {
        integrations: rows.map((r) =>
          toIntegrationView(
            r,
            deps.secrets,
            (r.templateId && templates.get(r.templateId)) || null,
            deps.env,
          ),
        ),
      },
      200,
    );
  })
  .get('/enabled', requireWorkspaceRole('viewer'), async (c) => {
    const rows = await integrationsRepository(c.var.deps.database.db).listForWorkspace(
      c.var.workspace.id,
    );
    const enabled = rows
      .filter((r) => isActiveIntegration(r.state))
      .map((r) => ({ id: r.id, name: r.name, system: r.system }));
    return c.json({ integrations: enabled }, 200);
  })
  .post(
    '/',
    requireWorkspaceRole('owner'),
    validate('json', createIntegrationRequestSchema),
    async (c) => {
      const deps = c.var.deps;
      const input = c.req.valid('json');
      if (input.templateId) {
        const template = await integrationTemplatesRepository(deps.database.db).find(
          input.templateId,
        );
        if (!template || template.system !== input.system) {
          throw AppError.validation([
            {
              path: 'templateId',
              message: template
                ? `That template is for ${template.system}, not ${input.system}`
                : 'There is no such template',
            },
          ]);
        }
      }
      const row = await integrationsRepository(deps.database.db).create(
        {
          workspaceId: c.var.workspace.id,
          system: input.system,
          name: input.name,
          templateId: input.templateId ?? null,
          config: {},
        },
        deps.now().toISOString(),
      );
      return c.json(await viewOf(deps, row), 201);
    },
  )
  .get('/:integrationId', requireWorkspaceRole('owner'), async (c) => {
    const row = await loadIntegration(c.var.deps, c.var.workspace.id, c.req.param('integrationId'));
    return c.json(await viewOf(c.var.deps, row), 200);
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
      if (settings?.recordMappings) {
        await checkMappings(
          deps,
          { ...row, config: config ?? row.config },
          settings.recordMappings,
        );
      }
      // An enabled integration moved to another project listens there from now on.
      const webhook =
        config && isActiveIntegration(row.state) && scopeChanged(row.config, config)
          ? await registerWebhooks(deps, { ...row, config })
          : undefined;
      const updated = await integrationsRepository(deps.database.db).update(
        row.id,
        { ...rest, ...(config ? { config } : {}), ...(webhook !== undefined ? { webhook } : {}) },
        version,
        deps.now().toISOString(),
      );
      if (!updated) {
        const current = await loadIntegration(deps, c.var.workspace.id, row.id);
        throw AppError.conflict(
          'Someone else changed this integration; reload to see their changes',
          { currentVersion: current.version, current: await viewOf(deps, current) },
        );
      }
      return c.json(await viewOf(deps, updated), 200);
    },
  )
  .put(
    '/:integrationId/credentials/api-key',
    requireWorkspaceRole('owner'),
    validate('json', setApiKeyRequestSchema),
    async (c) => {
      const deps = c.var.deps;
      const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
      const updated = await connectWithApiKey(deps, row, c.req.valid('json').apiKey);
      return c.json(await viewOf(deps, updated), 200);
    },
  )
  .post('/:integrationId/enable', requireWorkspaceRole('owner'), async (c) => {
    const deps = c.var.deps;
    const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
    const updated = await enableIntegration(deps, row);
    return c.json(await viewOf(deps, updated), 200);
  })
  .post('/:integrationId/disable', requireWorkspaceRole('owner'), async (c) => {
    const deps = c.var.deps;
    const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
    await unregisterWebhooks(deps, row);
    const updated = await integrationsRepository(deps.database.db).update(row.id, {
      state: 'disabled',
      webhook: null,
    });
    return c.json(await viewOf(deps, updated!), 200);
  })
  .post('/:integrationId/poll', requireWorkspaceRole('owner'), async (c) => {
    const deps = c.var.deps;
    const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
    const result: PollResult = await callRemote(() => pollRemoteChanges(deps, row));
    return c.json(result, 200);
  })
  .delete('/:integrationId', requireWorkspaceRole('owner'), async (c) => {
    const deps = c.var.deps;
    const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
    await removeIntegration(deps, row);
    return c.body(null, 204);
  });
