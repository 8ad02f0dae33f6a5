import { Lock } from 'lucide-react';
import { useParams } from 'react-router';
import { ContentLayout } from '@/components/layouts/content-layout';
import { EmptyState } from '@/components/ui/empty-state';
import { IntegrationLogPage } from '@/features/integration-log/components/integration-log-page';
import { useWorkspaceOutlet } from '../workspace-outlet';

/** `/w/:workspaceKey/settings/integrations/:integrationId/log`: contributors and owners. */
export default function IntegrationLogRoute() {
  const { workspace } = useWorkspaceOutlet();
  const { integrationId = '' } = useParams();
  if (workspace.role === 'viewer') {
    return (
      <ContentLayout title="Integration log">
        <EmptyState
          icon={Lock}
          title="Contributors and owners read the log"
          description={`Ask an owner of ${workspace.name} for access.`}
        />
      </ContentLayout>
    );
  }
  return (
    <>
      <title>{`Integration log · ${workspace.name} · Tandem`}</title>
      <IntegrationLogPage
        workspaceId={workspace.id}
        workspaceName={workspace.name}
        integrationId={integrationId}
      />
    </>
  );
}
