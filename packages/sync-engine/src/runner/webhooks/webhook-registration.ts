import { RemoteError, type WebhookRegistration } from '@tandem/connector-kit';
import type { IntegrationSettings } from '@tandem/contracts';
import {
  type IntegrationRow,
  integrationLogRepository,
  type SecretBox,
  type StoredWebhookRegistration,
  sealContext,
  sealWebhookRegistration,
} from '@tandem/storage';
import { callRemote, remoteCallFailed } from '../errors.ts';
import type { RunnerDeps } from '../runner-deps.ts';

type Deps = RunnerDeps;

/** Where the remote posts its changes for this integration. */
export function webhookTarget(deps: Deps, integrationId: string): string {
  return `${deps.settings.publicUrl}/api/webhooks/${encodeURIComponent(integrationId)}`;
}

/** The registration as stored: its secret sealed, its target URL without the secret. */
export type StoredWebhook = StoredWebhookRegistration;

export function storedWebhook(row: IntegrationRow): StoredWebhook | null {
  const w = row.webhook as Partial<StoredWebhook> | null;
  return w &&
    typeof w.id === 'string' &&
    typeof w.sealedSecret === 'string' &&
    typeof w.targetUrl === 'string'
    ? (w as StoredWebhook)
    : null;
}

/**
 * The registration with its secret, for the connector's `verifyDelivery` and
 * `unregisterWebhook`; opens only the webhook secret, never the integration's credentials.
 */
export function openWebhook(box: SecretBox, row: IntegrationRow): WebhookRegistration | null {
  const stored = storedWebhook(row);
  if (!stored) return null;
  const { sealedSecret, registeredAt: _, ...rest } = stored;
  return { ...rest, secret: box.open<string>(sealedSecret, sealContext.webhook(row.id)) };
}

function logLine(
  deps: Deps,
  row: IntegrationRow,
  level: 'info' | 'warn',
  message: string,
  data?: unknown,
) {
  return integrationLogRepository(deps.database.db)
    .append(
      {
        integrationId: row.id,
        workspaceId: row.workspaceId,
        level,
        event: 'webhook',
        message,
        data,
      },
      deps.now().toISOString(),
    )
    .catch(() => {});
}

/**
 * Registers the remote's webhooks for the integration's project (and its children unless child
 * updates are excluded). A remote that does not let this user manage webhooks is not fatal:
 * sending still works, and the log says that remote changes will not come in.
 */
export async function registerWebhooks(
  deps: Deps,
  row: IntegrationRow,
): Promise<StoredWebhook | null> {
  const { connector, context, effective } = await callRemote(
    deps.connectors.displayNameOf(row.system),
    () => deps.sync.gateway.connect(row),
  );
  const settings: IntegrationSettings = effective.settings;
  try {
    // Rules cover the project's whole subtree even when child updates are excluded: a remote
    // may evaluate a rule on the record's new project, so a move into an excluded child is only
    // heard by a rule on that child. Tandem then breaks the link (see incoming-webhook.ts).
    const subtree = {
      ...context,
      config: { ...(context.config as object), excludeChildUpdates: false },
    };
    const registration = await connector.registerWebhook(subtree, {
      targetUrl: webhookTarget(deps, row.id),
      scope: {
        workspaceId: settings.remoteWorkspace?.id ?? '',
        ...(settings.remoteProject ? { projectId: settings.remoteProject.id } : {}),
      },
    });
    const count = registration.id.split(',').filter(Boolean).length;
    await logLine(
      deps,
      row,
      'info',
      `Registered ${count} webhook${count === 1 ? '' : 's'} for ${settings.remoteProject?.name ?? 'the project'}${settings.excludeChildUpdates ? ' and its child projects (a record moved into a child project loses its link)' : ' and its child projects'}`,
      { targetUrl: webhookTarget(deps, row.id), rules: count },
    );
    return sealWebhookRegistration(deps.secrets, row.id, registration, deps.now().toISOString());
  } catch (error) {
    if (RemoteError.is(error) && error.kind === 'forbidden') {
      await logLine(
        deps,
        row,
        'warn',
        `The remote did not let this user register webhooks (${error.message}); Tandem asks it for changes every ${deps.settings.pollSeconds} seconds instead (an administrator's credentials would let changes arrive as they happen)`,
      );
      return null;
    }
    throw remoteCallFailed(error, deps.connectors.displayNameOf(row.system));
  }
}

/** Removes the integration's webhooks; a remote that cannot be reached is logged, not fatal. */
export async function unregisterWebhooks(deps: Deps, row: IntegrationRow): Promise<void> {
  if (!storedWebhook(row)) return;
  try {
    const registration = openWebhook(deps.secrets, row);
    if (!registration) return;
    const { connector, context } = await deps.sync.gateway.connect(row);
    await connector.unregisterWebhook(context, registration);
    await logLine(deps, row, 'info', 'Removed the webhooks from the remote');
  } catch (error) {
    await logLine(
      deps,
      row,
      'warn',
      `Could not remove the webhooks from the remote (${error instanceof Error ? error.message : String(error)}); deliveries to them are refused`,
    );
  }
}
