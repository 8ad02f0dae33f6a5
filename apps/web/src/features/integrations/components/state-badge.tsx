import type { IntegrationState } from '@tandem/contracts';
import { Badge } from '@/components/ui/badge';
import { STATE_INFO } from '../utils/integration-state';

export function StateBadge({ state }: { state: IntegrationState }) {
  const info = STATE_INFO[state];
  return (
    <Badge tone={info.tone} title={info.help}>
      {info.label}
    </Badge>
  );
}
