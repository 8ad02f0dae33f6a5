import { Lock } from 'lucide-react';
import type { ReactNode } from 'react';
import { ContentLayout } from '@/components/layouts/content-layout';
import { EmptyState } from '@/components/ui/empty-state';
import { useWorkspaceOutlet } from '../workspace-outlet';

/** Integration settings are for workspace owners; anyone else who opens the URL is told so. */
export function OwnersOnly({ title, children }: { title: string; children: ReactNode }) {
  const { workspace } = useWorkspaceOutlet();
  if (workspace.role === 'owner') return children;
  return (
    <ContentLayout breadcrumb={`${workspace.name} · Settings`} title={title}>
      <title>{`${title} · ${workspace.name} · Tandem`}</title>
      <EmptyState
        icon={Lock}
        title="Only owners manage integrations"
        description={`Ask an owner of ${workspace.name} to set up or change an integration.`}
      />
    </ContentLayout>
  );
}
