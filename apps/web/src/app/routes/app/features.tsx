import { Layers } from 'lucide-react';
import { ContentLayout } from '@/components/layouts/content-layout';
import { EmptyState } from '@/components/ui/empty-state';
import { useWorkspaceOutlet } from './workspace-outlet';

export default function FeaturesRoute() {
  const { workspace } = useWorkspaceOutlet();
  return (
    <ContentLayout
      breadcrumb={workspace.name}
      title="Features"
      description="What this workspace plans to build, release by release."
    >
      <title>{`Features · ${workspace.name} · Tandem`}</title>
      <EmptyState
        icon={Layers}
        title="No features yet"
        description="Your roadmap board will live here: features grouped by release, each ready to send to Rally or Azure DevOps."
      />
    </ContentLayout>
  );
}
