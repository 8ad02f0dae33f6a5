import {
  clientCertificateRequestSchema,
  createIntegrationTemplateRequestSchema,
  type IntegrationSettings,
  updateIntegrationTemplateRequestSchema,
} from '@tandem/contracts';
import { integrationsRepository, integrationTemplatesRepository } from '@tandem/storage';
import type { IntegrationSecrets } from '@tandem/sync-engine/runner';
import {
  accountOrigin,
  loadEffective,
  normaliseAccountUrl,
  openIntegrationSecrets,
  openTemplateSecrets,
  sameAccount,
  sealTemplateSecrets,
} from '@tandem/sync-engine/runner';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { validateClientCertificate } from '../integrations/client-certificate.ts';
import { secretNames } from '../integrations/integration-service.ts';
import { templatesWithRefusedCredentials } from '../integrations/template-reauthorization.ts';
import {
  loadTemplate,
  owningWorkspace,
  templateView,
  visibleTemplates,
} from '../integrations/template-service.ts';
import { toTemplateView } from '../integrations/template-view.ts';
import { AppError } from '../lib/errors.ts';
import { validate } from '../lib/validate.ts';
import { ownedWorkspaceIds, requireAnyOwner } from '../middleware/any-owner.ts';
import { connectorFor, displayNameOf } from '../sync/connectors.ts';
import { templateCredentialRoutes } from './template-credentials.ts';
import { templateShareRoutes } from './template-shares.ts';

/** Template settings: the shared part only (each integration picks its own project). */
function sharedSettings(settings: IntegrationSettings): IntegrationSettings {
  const { remoteProject: _p, excludeChildUpdates: _e, ...shared } = settings;
  return shared;
}

/**
 * Integration templates: shared settings, credentials and client certificate that integrations
 * created from them inherit at runtime (their own values win), so a change here reaches every
 * integration using the template. Each belongs to a workspace whose owners set it up and may
 * share it with other workspaces (their owners then build integrations from it); no one else
 * sees it.
 */
export const integrationTemplateRoutes = new Hono<AppEnv>()
  .use('*', requireAnyOwner)
  .get('/', async (c) => {
    const deps = c.var.deps;
    const repo = integrationTemplatesRepository(deps.database.db);
    const [{ rows }, usage, refused] = await Promise.all([
      visibleTemplates(deps, c.var.session!.user.id),
      repo.usage(),
      templatesWithRefusedCredentials(deps.database.db, deps.secrets),
    ]);
    const now = deps.now();
    return c.json(
      {
        templates: rows.map((r) =>
          toTemplateView(r, deps.secrets, usage.get(r.id) ?? 0, {
            now,
            refused: refused.has(r.id),
          }),
        ),
      },
      200,
    );
  })
  .post('/', validate('json', createIntegrationTemplateRequestSchema), async (c) => {
    const deps = c.var.deps;
    const input = c.req.valid('json');
    let settings: IntegrationSettings = {};
    let secrets: IntegrationSecrets = {};
    let fromWorkspace: string | undefined;
    if (input.fromIntegrationId) {
      const source = await integrationsRepository(deps.database.db).find(input.fromIntegrationId);
      const owned = await ownedWorkspaceIds(deps.database.db, c.var.session!.user.id);
      if (!source || !owned.includes(source.workspaceId)) {
        throw AppError.validation([
          { path: 'fromIntegrationId', message: 'No integration of yours has this id' },
        ]);
      }
      if (source.system !== input.system) {
        throw AppError.validation([
          { path: 'fromIntegrationId', message: `That integration is not a ${input.system} one` },
        ]);
      }
      const effective = await loadEffective(deps.database.db, deps.secrets, source);
      settings = sharedSettings(effective.settings);
      // Credentials inherited from another workspace's (shared) template are not passed on: that
      // would share them further than their owners did.
      const foreign =
        effective.template !== null &&
        effective.template.createdInWorkspaceId !== source.workspaceId;
      secrets = !foreign
        ? effective.secrets
        : effective.account !== null && sameAccount(source.credentialsAccountUrl, effective.account)
          ? openIntegrationSecrets(deps.secrets, source)
          : {};
      fromWorkspace = source.workspaceId;
    }
    const workspaceId = await owningWorkspace(
      deps,
      c.var.session!.user.id,
      input.workspaceId,
      fromWorkspace,
    );
    const repo = integrationTemplatesRepository(deps.database.db);
    const id = crypto.randomUUID();
    const row = await repo.create(
      {
        id,
        name: input.name,
        system: input.system,
        config: settings,
        sealedSecrets: Object.keys(secrets).length
          ? sealTemplateSecrets(deps.secrets, id, secrets)
          : null,
        // Bound to the account URL they were used with (decision 021).
        credentialsAccountUrl: Object.keys(secrets).length
          ? accountOrigin(settings.accountUrl)
          : null,
        createdInWorkspaceId: workspaceId,
      },
      deps.now().toISOString(),
    );
    return c.json(await templateView(deps, row), 201);
  })
  .get('/:templateId', async (c) => {
    const deps = c.var.deps;
    const row = await loadTemplate(deps, c.var.session!.user.id, c.req.param('templateId'), 'use');
    return c.json(await templateView(deps, row), 200);
  })
  .patch('/:templateId', validate('json', updateIntegrationTemplateRequestSchema), async (c) => {
    const deps = c.var.deps;
    const row = await loadTemplate(deps, c.var.session!.user.id, c.req.param('templateId'));
    const { version, name, settings } = c.req.valid('json');
    let config: IntegrationSettings | undefined;
    let dropped: string | null = null;
    if (settings) {
      const current = row.config as IntegrationSettings;
      config = { ...current, ...settings };
      if (settings.accountUrl !== undefined && settings.accountUrl !== current.accountUrl) {
        const users = await integrationsRepository(deps.database.db).listByTemplate(row.id);
        if (users.some((u) => u.accountLockedAt && !(u.config as IntegrationSettings).accountUrl)) {
          throw AppError.validation(
            [
              {
                path: 'settings.accountUrl',
                message:
                  'The account URL cannot change: integrations using this template have sent or received records',
              },
            ],
            'The account URL is locked',
          );
        }
        const result = await normaliseAccountUrl(
          settings.accountUrl,
          deps.env.ALLOW_PRIVATE_NETWORK,
          connectorFor(row.system).normalizeAccountUrl,
        );
        if (!result.ok)
          throw AppError.validation([{ path: 'settings.accountUrl', message: result.message }]);
        config.accountUrl = result.url;
        // Its secrets were stored for the previous account URL: they go (decision 021).
        if (row.sealedSecrets !== null && !sameAccount(row.credentialsAccountUrl, result.url)) {
          let names: string[] = [];
          try {
            names = secretNames(openTemplateSecrets(deps.secrets, row), displayNameOf(row.system));
          } catch {
            // Unreadable secrets go too.
          }
          dropped =
            names.length > 0
              ? `${names.join(', ').replace(/^the/, 'The')} stored for ${row.credentialsAccountUrl ?? 'the previous account URL'} ${names.length === 1 ? 'was' : 'were'} removed: credentials only work for the account URL they were granted for. Connect ${result.url} again`
              : '';
        }
      }
    }
    const updated = await integrationTemplatesRepository(deps.database.db).update(
      row.id,
      {
        ...(name ? { name } : {}),
        ...(config ? { config } : {}),
        ...(dropped !== null ? { sealedSecrets: null, credentialsAccountUrl: null } : {}),
      },
      version,
      deps.now().toISOString(),
    );
    if (!updated) {
      const current = await loadTemplate(deps, c.var.session!.user.id, row.id);
      throw AppError.conflict('Someone else changed this template; reload to see their changes', {
        currentVersion: current.version,
        current: await templateView(deps, current),
      });
    }
    const view = await templateView(deps, updated);
    return c.json(dropped ? { ...view, notice: dropped } : view, 200);
  })
  .delete('/:templateId', async (c) => {
    const deps = c.var.deps;
    const row = await loadTemplate(deps, c.var.session!.user.id, c.req.param('templateId'));
    const usage = (await integrationTemplatesRepository(deps.database.db).usage()).get(row.id) ?? 0;
    if (usage > 0) {
      throw AppError.conflict(
        `${usage} integration${usage === 1 ? ' uses' : 's use'} this template; delete or detach them first`,
      );
    }
    await integrationTemplatesRepository(deps.database.db).delete(row.id);
    return c.body(null, 204);
  })
  .put(
    '/:templateId/client-certificate',
    validate('json', clientCertificateRequestSchema),
    async (c) => {
      const deps = c.var.deps;
      const row = await loadTemplate(deps, c.var.session!.user.id, c.req.param('templateId'));
      const certificate = validateClientCertificate(c.req.valid('json'), deps.now());
      // Kept for the template's account URL, with the credentials stored for that one.
      const account = accountOrigin((row.config as IntegrationSettings).accountUrl);
      if (!account) {
        throw AppError.validation([
          { path: 'settings.accountUrl', message: 'Enter the account URL first' },
        ]);
      }
      const secrets = {
        ...(sameAccount(row.credentialsAccountUrl, account)
          ? openTemplateSecrets(deps.secrets, row)
          : {}),
        clientCertificate: { cert: certificate.cert, key: certificate.key },
      };
      const updated = await integrationTemplatesRepository(deps.database.db).update(row.id, {
        sealedSecrets: sealTemplateSecrets(deps.secrets, row.id, secrets),
        credentialsAccountUrl: account,
      });
      return c.json(await templateView(deps, updated!), 200);
    },
  )
  .delete('/:templateId/client-certificate', async (c) => {
    const deps = c.var.deps;
    const row = await loadTemplate(deps, c.var.session!.user.id, c.req.param('templateId'));
    const { clientCertificate: _removed, ...rest } = openTemplateSecrets(deps.secrets, row);
    const updated = await integrationTemplatesRepository(deps.database.db).update(row.id, {
      sealedSecrets: sealTemplateSecrets(deps.secrets, row.id, rest),
    });
    return c.json(await templateView(deps, updated!), 200);
  })
  .route('/', templateCredentialRoutes)
  .route('/', templateShareRoutes);
