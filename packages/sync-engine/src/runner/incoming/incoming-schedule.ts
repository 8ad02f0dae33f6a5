import type { Incoming } from '@tandem/contracts';
import type { IntegrationRow } from '@tandem/storage';
import type { RunnerSettings } from '../runner-deps.ts';
import { storedWebhook } from '../webhooks/webhook-registration.ts';

export type PollSettings = Pick<RunnerSettings, 'pollSeconds' | 'pollSafetyNetSeconds'>;

/**
 * How remote changes reach an integration, and how often it is polled: often without webhooks,
 * now and then as a safety net with them.
 */
export function incomingSchedule(
  settings: PollSettings,
  row: IntegrationRow,
): Pick<Incoming, 'mode' | 'pollEverySeconds'> {
  return storedWebhook(row)
    ? { mode: 'webhooks', pollEverySeconds: settings.pollSafetyNetSeconds }
    : { mode: 'polling', pollEverySeconds: settings.pollSeconds };
}
