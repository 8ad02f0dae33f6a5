import { useParams } from 'react-router';
import { Toaster } from '@/components/ui/toast';
import { TemplatePage } from '@/features/integration-templates/components/template-page';
import { useWorkspaceOutlet } from '../workspace-outlet';
import { OwnersOnly } from './owners-only';

export default function IntegrationTemplateRoute() {
  const { workspace } = useWorkspaceOutlet();
  const { templateId = '' } = useParams();
  return (
    <OwnersOnly title="Integration template">
      <title>{`Integration template · ${workspace.name} · Tandem`}</title>
      <TemplatePage workspace={workspace} templateId={templateId} />
      <Toaster />
    </OwnersOnly>
  );
}
