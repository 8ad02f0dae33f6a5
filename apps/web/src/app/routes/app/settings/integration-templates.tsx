import { Toaster } from '@/components/ui/toast';
import { TemplatesPage } from '@/features/integration-templates/components/templates-page';
import { useWorkspaceOutlet } from '../workspace-outlet';
import { OwnersOnly } from './owners-only';

export default function IntegrationTemplatesRoute() {
  const { workspace } = useWorkspaceOutlet();
  return (
    <OwnersOnly title="Integration templates">
      <title>{`Integration templates · ${workspace.name} · Tandem`}</title>
      <TemplatesPage workspace={workspace} />
      <Toaster />
    </OwnersOnly>
  );
}
