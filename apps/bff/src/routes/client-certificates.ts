import { clientCertificateRequestSchema } from '@tandem/contracts';
import { integrationLogRepository, integrationsRepository } from '@tandem/storage';
import {
  loadEffective,
  openIntegrationSecrets,
  sameAccount,
  usableTemplate,
} from '@tandem/sync-engine/runner';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { validateClientCertificate } from '../integrations/client-certificate.ts';
import { boundAccount } from '../integrations/credential-target.ts';
import { loadIntegration, sealSecrets } from '../integrations/integration-service.ts';
import { toIntegrationView } from '../integrations/integration-view.ts';
import { validate } from '../lib/validate.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

/**
 * *More options → Set client certificate*: a private key and certificate that match, stored
 * encrypted and presented on every request of the integration (mTLS), in addition to its
 * credentials.
 */
export const clientCertificateRoutes = new Hono<AppEnv>()
  .put(
    '/:integrationId/client-certificate',
    requireWorkspaceRole('owner'),
    validate('json', clientCertificateRequestSchema),
    async (c) => {
      const deps = c.var.deps;
      const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
      const certificate = validateClientCertificate(c.req.valid('json'), deps.now());
      // Kept for the account URL it is set for, with the credentials stored for that one.
      const account = boundAccount(await loadEffective(deps.database.db, deps.secrets, row));
      const secrets = {
        ...(sameAccount(row.credentialsAccountUrl, account)
          ? openIntegrationSecrets(deps.secrets, row)
          : {}),
        clientCertificate: { cert: certificate.cert, key: certificate.key },
      };
      const updated = await integrationsRepository(deps.database.db).update(row.id, {
        sealedSecrets: sealSecrets(deps, row, secrets),
        credentialsAccountUrl: account,
      });
      await integrationLogRepository(deps.database.db).append(
        {
          integrationId: row.id,
          workspaceId: row.workspaceId,
          level: 'info',
          event: 'settings',
          message: `Client certificate set (${certificate.subject.replaceAll('\n', ', ')}, valid until ${certificate.validTo.slice(0, 10)})`,
        },
        deps.now().toISOString(),
      );
      const template = await usableTemplate(deps.database.db, row);
      return c.json(toIntegrationView(updated!, deps.secrets, template, deps.settings), 200);
    },
  )
  .delete('/:integrationId/client-certificate', requireWorkspaceRole('owner'), async (c) => {
    const deps = c.var.deps;
    const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
    const { clientCertificate: _removed, ...rest } = openIntegrationSecrets(deps.secrets, row);
    const updated = await integrationsRepository(deps.database.db).update(row.id, {
      sealedSecrets: sealSecrets(deps, row, rest),
    });
    const template = await usableTemplate(deps.database.db, row);
    return c.json(toIntegrationView(updated!, deps.secrets, template, deps.settings), 200);
  });
