import { useParams } from 'react-router';
import { Toaster } from '@/components/ui/toast';
import { IntegrationOverview } from '@/features/integrations/components/integration-overview';
import { useWorkspaceOutlet } from '../workspace-outlet';
import { OwnersOnly } from './owners-only';

export default function IntegrationRoute() {
  const { workspace } = useWorkspaceOutlet();
  const { integrationId = '' } = useParams();
  return (
    <OwnersOnly title="Integration">
      <title>{`Integration · ${workspace.name} · Tandem`}</title>
      <IntegrationOverview workspace={workspace} integrationId={integrationId} />
      <Toaster />
    </OwnersOnly>
  );
}
