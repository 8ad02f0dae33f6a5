import type { IntegrationLogEntry } from '@tandem/contracts';
import { Lock } from 'lucide-react';
import { useParams } from 'react-router';
import { ContentLayout } from '@/components/layouts/content-layout';
import { EmptyState } from '@/components/ui/empty-state';
import { paths } from '@/config/paths';
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
  /** A feature opens in its drawer, a requirement in its feature's; releases and initiatives on their pages. */
  const recordHref = ({ recordType, record }: IntegrationLogEntry): string | null => {
    if (!record) return null;
    switch (recordType) {
      case 'feature':
        return paths.workspace.feature.getHref(workspace.key, record.referenceNum);
      case 'requirement':
        return record.featureReferenceNum
          ? paths.workspace.feature.getHref(workspace.key, record.featureReferenceNum)
          : null;
      case 'release':
        return paths.workspace.releases.getHref(workspace.key);
      case 'initiative':
        return paths.workspace.initiatives.getHref(workspace.key);
      default:
        return null;
    }
  };
  return (
    <>
      <title>{`Integration log · ${workspace.name} · Tandem`}</title>
      <IntegrationLogPage
        workspaceId={workspace.id}
        workspaceName={workspace.name}
        integrationId={integrationId}
        recordHref={recordHref}
      />
    </>
  );
}
