import type { Integration, WizardStep } from '@tandem/contracts';
import type { IntegrationRow, IntegrationTemplateRow, SecretBox } from '@tandem/storage';
import { composeEffective, incomingSchedule, type PollSettings } from '@tandem/sync-engine/runner';
import { toConnectionView } from './connection-view.ts';

/**
 * An integration as the SPA sees it: its settings over its template's, and connection facts
 * (its own or inherited from the template), never a secret.
 */
export function toIntegrationView(
  row: IntegrationRow,
  box: SecretBox,
  template: IntegrationTemplateRow | null,
  poll: PollSettings,
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
    incoming: { ...incomingSchedule(poll, row), polledAt: row.polledAt },
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
