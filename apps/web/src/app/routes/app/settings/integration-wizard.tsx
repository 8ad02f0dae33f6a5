import { IntegrationWizard } from '@/features/integrations/wizard/components/integration-wizard';
import { useWorkspaceOutlet } from '../workspace-outlet';
import { OwnersOnly } from './owners-only';

export default function IntegrationWizardRoute() {
  const { workspace } = useWorkspaceOutlet();
  return (
    <OwnersOnly title="Add a Rally integration">
      <title>{`Rally integration · ${workspace.name} · Tandem`}</title>
      <IntegrationWizard workspace={workspace} />
    </OwnersOnly>
  );
}
