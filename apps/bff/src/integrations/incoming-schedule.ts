import type { Incoming } from '@tandem/contracts';
import type { IntegrationRow } from '@tandem/storage';
import type { Env } from '../env.ts';
import { storedWebhook } from './webhook-registration.ts';

export type PollSettings = Pick<Env, 'POLL_SECONDS' | 'POLL_SAFETY_NET_SECONDS'>;

/**
 * How remote changes reach an integration, and how often it is polled: often without webhooks,
 * now and then as a safety net with them.
 */
export function incomingSchedule(
  env: PollSettings,
  row: IntegrationRow,
): Pick<Incoming, 'mode' | 'pollEverySeconds'> {
  return storedWebhook(row)
    ? { mode: 'webhooks', pollEverySeconds: env.POLL_SAFETY_NET_SECONDS }
    : { mode: 'polling', pollEverySeconds: env.POLL_SECONDS };
}
