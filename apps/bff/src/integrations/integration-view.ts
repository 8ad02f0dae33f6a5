import type { Integration, WizardStep } from '@tandem/contracts';
import type { IntegrationRow, IntegrationTemplateRow, SecretBox } from '@tandem/storage';
import { toConnectionView } from './connection-view.ts';
import { composeEffective } from './effective-integration.ts';
import { storedWebhook } from './webhook-registration.ts';

/**
 * An integration as the SPA sees it: its settings over its template's, and connection facts
 * (its own or inherited from the template), never a secret.
 */
/** The polling intervals the server runs with (env `POLL_SECONDS`, `POLL_SAFETY_NET_SECONDS`). */
export type PollSeconds = { POLL_SECONDS: number; POLL_SAFETY_NET_SECONDS: number };

export function toIntegrationView(
  row: IntegrationRow,
  box: SecretBox,
  template: IntegrationTemplateRow | null,
  poll: PollSeconds,
  now: Date = new Date(),
): Integration {
  let connection: Integration['connection'] = null;
  let hasClientCertificate = false;
  let settings = row.config as Integration['settings'];
  try {
    const effective = composeEffective(box, row, template);
    settings = effective.settings;
    hasClientCertificate = Boolean(effective.secrets.clientCertificate);
    connection = toConnectionView(effective.secrets, {
      now,
      fromTemplate: effective.credentialSource?.kind === 'template',
      refused: row.state === 'needs_reauthorization',
    });
  } catch {
    connection = null;
  }
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    system: row.system,
    name: row.name,
    templateId: row.templateId,
    state: row.state,
    wizardStep: row.wizardStep as WizardStep,
    settings,
    connection,
    hasClientCertificate,
    accountLocked: row.accountLockedAt !== null,
    lastSyncAt: row.lastSyncAt,
    lastError: row.lastError,
    incoming: storedWebhook(row)
      ? { mode: 'webhooks', pollEverySeconds: poll.POLL_SAFETY_NET_SECONDS, polledAt: row.polledAt }
      : { mode: 'polling', pollEverySeconds: poll.POLL_SECONDS, polledAt: row.polledAt },
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
