import { IntegrationWizard } from '@/features/integrations/wizard/components/integration-wizard';
import { useWorkspaceOutlet } from '../workspace-outlet';
import { OwnersOnly } from './owners-only';

export default function IntegrationWizardRoute() {
  const { workspace } = useWorkspaceOutlet();
  return (
    <OwnersOnly title="Set up an integration">
      <IntegrationWizard workspace={workspace} />
    </OwnersOnly>
  );
}
