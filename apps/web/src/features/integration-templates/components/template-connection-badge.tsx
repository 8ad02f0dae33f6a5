import type { IntegrationTemplate } from '@tandem/contracts';
import { Badge } from '@/components/ui/badge';

/** Whether integrations made from the template can connect with it. */
export function TemplateConnectionBadge({ template }: { template: IntegrationTemplate }) {
  const connection = template.connection;
  if (!connection) return <Badge tone="warning">Not connected</Badge>;
  if (connection.needsReauthorization) return <Badge tone="danger">Needs re-authorizing</Badge>;
  return <Badge tone="success">Connected</Badge>;
}
