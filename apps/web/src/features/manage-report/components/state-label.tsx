import type { IntegrationState } from '@tandem/contracts';
import { Badge } from '@/components/ui/badge';

export const STATE_LABEL: Record<IntegrationState, string> = {
  enabled: 'Enabled',
  needs_reauthorization: 'Needs re-authorization',
  failing: 'Failing',
  disabled: 'Disabled',
  draft: 'Draft',
};

const TONE = {
  enabled: 'success',
  needs_reauthorization: 'warning',
  failing: 'danger',
  disabled: 'neutral',
  draft: 'neutral',
} as const;

export function StateLabel({ state }: { state: IntegrationState }) {
  return <Badge tone={TONE[state]}>{STATE_LABEL[state]}</Badge>;
}
