import {
  type IntegrationRow,
  type IntegrationTemplateRow,
  integrationLogRepository,
  integrationsRepository,
  integrationTemplatesRepository,
} from '@tandem/storage';
import type { IntegrationSecrets } from '@tandem/sync-engine/runner';
import {
  accountOrigin,
  composeEffective,
  loadEffective,
  openTemplateSecrets,
  sameAccount,
  sealTemplateSecrets,
} from '@tandem/sync-engine/runner';
import type { AppDeps } from '../app-env.ts';
import { connectorFor } from '../sync/connectors.ts';
import {
  boundAccount,
  type CredentialTarget,
  stamped,
  withoutCredentials,
} from './credential-target.ts';

type Deps = Required<AppDeps>;

/**
 * The template as a connection of its own, for checking credentials before they are stored: the
 * gateway connects integrations, so this stands in for one. Its id is never an integration's
 * (nothing it touches by id — re-authorization marks, cached grants — reaches a real one), and
 * the request log lines of its checks are kept under that id.
 */
function standIn(
  deps: Deps,
  template: IntegrationTemplateRow,
  secrets: IntegrationSecrets,
): IntegrationRow {
  const id = `template:${template.id}`;
  return {
    id,
    workspaceId: template.createdInWorkspaceId ?? '',
    system: template.system,
    name: template.name,
    templateId: null,
    state: 'draft',
    wizardStep: 'authorize',
    config: template.config,
    sealedSecrets: deps.secrets.seal(secrets, id),
    credentialsAccountUrl: accountOrigin(template.config.accountUrl as string | undefined),
    webhook: null,
    pollCursor: null,
    polledAt: null,
    accountLockedAt: null,
    lastSyncAt: null,
    lastError: null,
    version: template.version,
    createdAt: template.createdAt,
    updatedAt: template.updatedAt,
  };
}

/** The integrations made from the template that connect with its credentials (not their own). */
async function inheritors(deps: Deps, templateId: string): Promise<IntegrationRow[]> {
  const rows = await integrationsRepository(deps.database.db).listByTemplate(templateId);
  const out: IntegrationRow[] = [];
  for (const row of rows) {
    try {
      const effective = await loadEffective(deps.database.db, deps.secrets, row);
      if (effective.credentialSource?.kind === 'template') out.push(row);
    } catch {
      // Unreadable secrets: not one of them.
    }
  }
  return out;
}

/**
 * A template authorized on its own. Once its credentials are stored, every integration that
 * inherits them (same account URL, a workspace that may use the template) uses them on its next
 * request; those that waited for re-authorization resume, and each says in its log what changed.
 */
export function templateTarget(deps: Deps, template: IntegrationTemplateRow): CredentialTarget {
  const account = accountOrigin(template.config.accountUrl as string | undefined);
  const rest =
    account && sameAccount(template.credentialsAccountUrl, account)
      ? withoutCredentials(openTemplateSecrets(deps.secrets, template))
      : {};
  const effective = composeEffective(deps.secrets, standIn(deps, template, rest), null);
  return {
    subject: { kind: 'template', id: template.id },
    system: template.system,
    effective,
    async whoAmI(credentials) {
      boundAccount(effective);
      const probe = standIn(deps, template, { ...rest, ...credentials });
      const { connector, context } = await deps.sync.gateway.connect(probe);
      return connector.checkConnection(context);
    },
    async save(credentials, who) {
      const secrets = { ...rest, ...stamped(credentials, who, deps.now()) };
      await integrationTemplatesRepository(deps.database.db).update(template.id, {
        sealedSecrets: sealTemplateSecrets(deps.secrets, template.id, secrets),
        credentialsAccountUrl: boundAccount(effective),
      });
      const at = deps.now().toISOString();
      const remote = connectorFor(template.system).manifest.displayName;
      const log = integrationLogRepository(deps.database.db);
      for (const row of await inheritors(deps, template.id)) {
        // Its connection changed: a new version makes the runtime it was built with go stale.
        await integrationsRepository(deps.database.db).update(
          row.id,
          row.state === 'needs_reauthorization' ? { state: 'enabled', lastError: null } : {},
        );
        await log
          .append(
            {
              integrationId: row.id,
              workspaceId: row.workspaceId,
              level: 'info',
              event: 'oauth',
              message: `The template ${template.name} was connected to ${remote} as ${who.displayName}; this integration uses that connection`,
            },
            at,
          )
          .catch(() => {});
      }
    },
    async log(level, message) {
      deps.logger[level]({ templateId: template.id }, `Template ${template.name}: ${message}`);
    },
  };
}
