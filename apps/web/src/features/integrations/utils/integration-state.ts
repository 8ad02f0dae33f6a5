import type { ConnectorPresentation, IntegrationState } from '@tandem/contracts';

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
    help: 'The remote system no longer accepts its access. Connect again.',
  },
  failing: { label: 'Failing', tone: 'danger', help: 'Recent sends failed; see the log.' },
};

/** What the owner can do about a state, in the system's words once its presentation is known. */
export function stateHelp(state: IntegrationState, presentation?: ConnectorPresentation): string {
  if (state !== 'needs_reauthorization' || !presentation) return STATE_INFO[state].help;
  const connect = presentation.steps.find((s) => s.id === 'authorize')?.title ?? 'Connect';
  return `${presentation.displayName} no longer accepts its access. Connect again on the ${connect} step.`;
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
