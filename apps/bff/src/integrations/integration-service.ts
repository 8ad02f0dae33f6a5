import type { IntegrationSettings } from '@tandem/contracts';
import {
  type IntegrationPatch,
  type IntegrationRow,
  integrationsRepository,
} from '@tandem/storage';
import type { IntegrationSecrets } from '@tandem/sync-engine/runner';
import {
  accountOrigin,
  composeEffective,
  IntegrationNotReadyError,
  loadEffective,
  normaliseAccountUrl,
  openIntegrationSecrets,
  registerWebhooks,
  sameAccount,
  toIntegrationConfig,
  usableTemplate,
} from '@tandem/sync-engine/runner';
import type { AppDeps } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';
import { connectorFor, displayNameOf } from '../sync/connectors.ts';
import { connectWithApiKey as connectTargetWithApiKey } from './api-key-connection.ts';
import { integrationTarget } from './credential-target.ts';
import { remoteFailure } from './remote-failure.ts';

type Deps = Required<AppDeps>;

export async function loadIntegration(
  deps: Deps,
  workspaceId: string,
  integrationId: string,
): Promise<IntegrationRow> {
  const row = await integrationsRepository(deps.database.db).find(integrationId);
  if (!row || row.workspaceId !== workspaceId) throw AppError.notFound('Integration');
  return row;
}

/** Checks what a settings change may do, and normalises the account URL. */
export async function prepareSettings(
  deps: Deps,
  row: IntegrationRow,
  next: IntegrationSettings,
): Promise<IntegrationSettings> {
  const current = row.config as IntegrationSettings;
  const out = { ...current, ...next };
  if (next.accountUrl !== undefined && next.accountUrl !== current.accountUrl) {
    if (row.accountLockedAt) {
      throw AppError.validation(
        [
          {
            path: 'settings.accountUrl',
            message:
              'The account URL cannot change once the integration has sent or received records',
          },
        ],
        'The account URL is locked',
      );
    }
    const result = await normaliseAccountUrl(
      next.accountUrl,
      deps.env.ALLOW_PRIVATE_NETWORK,
      connectorFor(row.system).normalizeAccountUrl,
    );
    if (!result.ok)
      throw AppError.validation([{ path: 'settings.accountUrl', message: result.message }]);
    out.accountUrl = result.url;
  }
  // The remote workspace and project must be references the connector can read (some remotes' are
  // numbers); checked here, or connecting with them fails later as a server error.
  if (next.remoteWorkspace || next.remoteProject) {
    const scope = connectorFor(row.system).spec.safeParse({
      accountUrl: out.accountUrl ?? '',
      authKind: 'api_key',
      workspaceId: out.remoteWorkspace?.id ?? '0',
      projectId: out.remoteProject?.id ?? '0',
      excludeChildUpdates: out.excludeChildUpdates ?? false,
    });
    const fields = { workspaceId: 'remoteWorkspace', projectId: 'remoteProject' } as const;
    const issues = (scope.error?.issues ?? []).flatMap((i) => {
      const field = fields[i.path[0] as keyof typeof fields];
      return field && next[field] ? [{ path: `settings.${field}.id`, message: i.message }] : [];
    });
    if (issues.length > 0) throw AppError.validation(issues);
  }
  if (next.remoteProject && out.remoteWorkspace) await checkProjectExists(deps, row, out);
  return out;
}

/**
 * The chosen project (Rally project, Azure DevOps area path) must be one of the chosen
 * workspace's, or every send would fail later. Checked when the integration can connect; one
 * that cannot yet is checked again when it is enabled (its webhooks are registered there).
 */
async function checkProjectExists(
  deps: Deps,
  row: IntegrationRow,
  settings: IntegrationSettings,
): Promise<void> {
  const workspace = settings.remoteWorkspace;
  const project = settings.remoteProject;
  if (!workspace || !project) return;
  let ids: Set<string>;
  try {
    const { connector, context } = await deps.sync.gateway.connect({ ...row, config: settings });
    const ids_ = new Set<string>();
    const walk = (nodes: { id: string; children: unknown[] }[]) => {
      for (const node of nodes) {
        ids_.add(node.id);
        walk(node.children as { id: string; children: unknown[] }[]);
      }
    };
    walk(await connector.listProjects(context, workspace.id));
    ids = ids_;
  } catch {
    return;
  }
  if (!ids.has(project.id)) {
    const message = `${project.name || project.id} is not in ${workspace.name || workspace.id}: choose one of its ${connectorFor(row.system).manifest.presentation.containers.tree.listLabel.toLowerCase()}`;
    throw AppError.validation([{ path: 'settings.remoteProject.id', message }], message);
  }
}

/** What stored secrets hold, as a user names them. */
export function secretNames(secrets: IntegrationSecrets, systemName: string): string[] {
  return [
    ...(secrets.apiKey ? ['the API key'] : []),
    ...(secrets.oauth ? [`the ${systemName} authorization`] : []),
    ...(secrets.clientCertificate ? ['the client certificate'] : []),
  ];
}

const listed = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * Credentials are bound to the account URL they were granted for (decision 021). Settings that
 * name another account drop the integration's own secrets (API key, grant, client certificate);
 * the template's are not inherited for another account than the template's own. Returns what to
 * store besides the settings, and what to tell the user.
 */
export async function credentialsAfterSettings(
  deps: Deps,
  row: IntegrationRow,
  config: IntegrationSettings,
): Promise<{ patch: IntegrationPatch; notice: string | null }> {
  const template = await usableTemplate(deps.database.db, row);
  const before = composeEffective(deps.secrets, row, template);
  const after = composeEffective(deps.secrets, { ...row, config }, template);
  const to = accountOrigin(after.settings.accountUrl);
  const notices: string[] = [];
  const patch: IntegrationPatch = {};
  if (row.sealedSecrets !== null && !sameAccount(row.credentialsAccountUrl, to)) {
    let names: string[] = [];
    try {
      names = secretNames(openIntegrationSecrets(deps.secrets, row), displayNameOf(row.system));
    } catch {
      // Unreadable secrets go too.
    }
    patch.sealedSecrets = null;
    patch.credentialsAccountUrl = null;
    if (names.length > 0) {
      notices.push(
        `${capitalised(listed(names))} stored for ${row.credentialsAccountUrl ?? 'the previous account URL'} ${names.length === 1 ? 'was' : 'were'} removed: credentials only work for the account URL they were granted for. Connect ${to ?? 'the new account'} again`,
      );
    }
  }
  if (before.credentialSource?.kind === 'template' && after.credentialSource?.kind !== 'template') {
    notices.push(
      `The template ${template?.name ?? ''} is connected for ${accountOrigin(template?.config.accountUrl as string | undefined) ?? 'its own account URL'} only; connect ${to ?? 'this account'} on its own`,
    );
  }
  const notice = notices.length > 0 ? notices.join('. ') : null;
  if (notice && (row.state === 'enabled' || row.state === 'failing')) {
    patch.state = 'needs_reauthorization';
    patch.lastError = notice;
  }
  return { patch, notice };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function sealSecrets(deps: Deps, row: IntegrationRow, secrets: IntegrationSecrets): string {
  return deps.secrets.seal(secrets, row.id);
}

/** Stores an API key after the remote confirmed it; the error says what the remote said. */
export async function connectWithApiKey(
  deps: Deps,
  row: IntegrationRow,
  apiKey: string,
): Promise<IntegrationRow> {
  await connectTargetWithApiKey(await integrationTarget(deps, row), apiKey);
  return (await integrationsRepository(deps.database.db).find(row.id))!;
}

/**
 * Enabling checks the whole configuration (a half-finished one stays a draft), then registers
 * the remote's webhooks for the chosen project (and its children unless excluded).
 */
export async function enableIntegration(deps: Deps, row: IntegrationRow): Promise<IntegrationRow> {
  const effective = await loadEffective(deps.database.db, deps.secrets, row);
  try {
    toIntegrationConfig(row, effective.settings);
  } catch (error) {
    if (!(error instanceof IntegrationNotReadyError)) throw error;
    throw AppError.validation([{ path: 'settings', message: error.message }], error.message);
  }
  if (!effective.credentialSource) {
    throw AppError.validation([
      { path: 'connection', message: 'Connect the integration to its account first' },
    ]);
  }
  const webhook = await registerWebhooks(deps, row);
  const updated = await integrationsRepository(deps.database.db).update(row.id, {
    state: 'enabled',
    wizardStep: 'enable',
    lastError: null,
    ...(webhook ? { webhook } : {}),
  });
  return updated!;
}

/** The connection to the integration's remote, for the wizard's discovery and checks. */
export async function connectIntegration(deps: Deps, row: IntegrationRow) {
  try {
    return await deps.sync.gateway.connect(row);
  } catch (error) {
    throw remoteFailure(error, displayNameOf(row.system));
  }
}
