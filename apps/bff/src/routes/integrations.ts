import {
  createIntegrationRequestSchema,
  isActiveIntegration,
  type PollResult,
  setApiKeyRequestSchema,
  updateIntegrationRequestSchema,
} from '@tandem/contracts';
import {
  type IntegrationRow,
  integrationLogRepository,
  integrationsRepository,
  integrationTemplatesRepository,
} from '@tandem/storage';
import {
  pollRemoteChanges,
  registerWebhooks,
  removeIntegration,
  templateUsableBy,
  unregisterWebhooks,
  usableTemplate,
} from '@tandem/sync-engine/runner';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import {
  connectWithApiKey,
  credentialsAfterSettings,
  enableIntegration,
  loadIntegration,
  prepareSettings,
} from '../integrations/integration-service.ts';
import { toIntegrationView } from '../integrations/integration-view.ts';
import { checkMappings } from '../integrations/mapping-check.ts';
import { callRemote } from '../integrations/remote-failure.ts';
import { AppError } from '../lib/errors.ts';
import { validate } from '../lib/validate.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';
import { connectorFor } from '../sync/connectors.ts';
import { oneWayFields } from '../views/send-summary.ts';

type Deps = AppEnv['Variables']['deps'];

async function viewOf(deps: Deps, row: IntegrationRow) {
  return toIntegrationView(
    row,
    deps.secrets,
    await usableTemplate(deps.database.db, row),
    deps.settings,
  );
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
    const integrations = [];
    for (const r of rows) integrations.push(await viewOf(deps, r));
    return c.json({ integrations }, 200);
  })
  .get('/enabled', requireWorkspaceRole('viewer'), async (c) => {
    const rows = await integrationsRepository(c.var.deps.database.db).listForWorkspace(
      c.var.workspace.id,
    );
    const enabled = rows
      .filter((r) => isActiveIntegration(r.state))
      .map((r) => ({
        id: r.id,
        name: r.name,
        system: r.system,
        // What the drawer says where a field is changed: mapped from the remote only, it stays.
        oneWay: oneWayFields(r, new Set(['feature', 'requirement', 'release', 'initiative'])),
      }));
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
        const found = await integrationTemplatesRepository(deps.database.db).find(input.templateId);
        // Another workspace's template is used only once shared with this one; until then it
        // reads as unknown (its existence is not confirmed).
        const template =
          found && (await templateUsableBy(deps.database.db, found, c.var.workspace.id))
            ? found
            : undefined;
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
      // A new account URL drops the credentials stored for the previous one.
      const credentials = config
        ? await credentialsAfterSettings(deps, row, config)
        : { patch: {}, notice: null };
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
        {
          ...rest,
          ...(config ? { config } : {}),
          ...(webhook !== undefined ? { webhook } : {}),
          ...credentials.patch,
        },
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
      if (credentials.notice) {
        await integrationLogRepository(deps.database.db).append(
          {
            integrationId: row.id,
            workspaceId: row.workspaceId,
            level: 'warn',
            event: 'settings',
            message: credentials.notice,
          },
          deps.now().toISOString(),
        );
        return c.json({ ...(await viewOf(deps, updated)), notice: credentials.notice }, 200);
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
    const result: PollResult = await callRemote(connectorFor(row.system), () =>
      pollRemoteChanges(deps, row),
    );
    return c.json(result, 200);
  })
  .delete('/:integrationId', requireWorkspaceRole('owner'), async (c) => {
    const deps = c.var.deps;
    const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
    await removeIntegration(deps, row);
    return c.body(null, 204);
  });
