import { Lock, Plug } from 'lucide-react';
import { ContentLayout } from '@/components/layouts/content-layout';
import { EmptyState } from '@/components/ui/empty-state';
import { useWorkspaceOutlet } from '../workspace-outlet';

export default function IntegrationsRoute() {
  const { workspace } = useWorkspaceOutlet();
  return (
    <ContentLayout
      breadcrumb={`${workspace.name} · Settings`}
      title="Integrations"
      description="Connect this workspace to the tools your development teams use."
    >
      <title>{`Integrations · ${workspace.name} · Tandem`}</title>
      {workspace.role === 'owner' ? (
        <EmptyState
          icon={Plug}
          title="No integrations yet"
          description="Set up Rally or Azure DevOps here to send features to your development teams and bring their progress back."
        />
      ) : (
        <EmptyState
          icon={Lock}
          title="Only owners manage integrations"
          description={`Ask an owner of ${workspace.name} to set up or change an integration.`}
        />
      )}
    </ContentLayout>
  );
}
