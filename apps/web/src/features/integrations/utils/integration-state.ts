import type { Integration, IntegrationState } from '@tandem/contracts';

export type StateTone = 'success' | 'warning' | 'danger' | 'neutral' | 'accent';

/** How each state reads on a badge, and what the owner can do about it. */
export const STATE_INFO: Record<
  IntegrationState,
  { label: string; tone: StateTone; help: string }
> = {
  enabled: { label: 'Enabled', tone: 'success', help: 'Sending and receiving changes.' },
  draft: { label: 'Draft', tone: 'neutral', help: 'Setup is not finished yet.' },
  disabled: { label: 'Disabled', tone: 'neutral', help: 'Nothing is sent or received.' },
  needs_reauthorization: {
    label: 'Needs re-authorization',
    tone: 'warning',
    help: 'Rally no longer accepts its access. Connect again on the Connect step.',
  },
  failing: { label: 'Failing', tone: 'danger', help: 'Recent sends failed; see the log.' },
};

export function systemLabel(system: Integration['system']): string {
  return system === 'rally' ? 'Rally' : 'Azure DevOps';
}

/** "3 minutes ago"-free and locale-stable: a short date and time, or "never". */
export function formatWhen(iso: string | null, locale?: string): string {
  if (!iso) return 'Never';
  return new Date(iso).toLocaleString(locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}
