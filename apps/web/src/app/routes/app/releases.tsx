import { Milestone } from 'lucide-react';
import { ContentLayout } from '@/components/layouts/content-layout';
import { EmptyState } from '@/components/ui/empty-state';
import { useWorkspaceOutlet } from './workspace-outlet';

export default function ReleasesRoute() {
  const { workspace } = useWorkspaceOutlet();
  return (
    <ContentLayout
      breadcrumb={workspace.name}
      title="Releases"
      description="When work ships, and what ships with it."
    >
      <title>{`Releases · ${workspace.name} · Tandem`}</title>
      <EmptyState
        icon={Milestone}
        title="No releases yet"
        description="Releases and their dates will be listed here, with a parking lot for features that have no release yet."
      />
    </ContentLayout>
  );
}
