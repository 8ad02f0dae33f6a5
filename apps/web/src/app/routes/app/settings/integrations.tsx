import { Toaster } from '@/components/ui/toast';
import { IntegrationsPage } from '@/features/integrations/components/integrations-page';
import { useWorkspaceOutlet } from '../workspace-outlet';
import { OwnersOnly } from './owners-only';

export default function IntegrationsRoute() {
  const { workspace } = useWorkspaceOutlet();
  return (
    <OwnersOnly title="Integrations">
      <title>{`Integrations · ${workspace.name} · Tandem`}</title>
      <IntegrationsPage workspace={workspace} />
      <Toaster />
    </OwnersOnly>
  );
}
