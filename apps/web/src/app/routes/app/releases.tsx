import { Toaster } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { ReleasesPage } from '@/features/releases/components/releases-page';
import { useWorkspaceOutlet } from './workspace-outlet';

export default function ReleasesRoute() {
  const { workspace } = useWorkspaceOutlet();
  return (
    <>
      <title>{`Releases · ${workspace.name} · Tandem`}</title>
      <ReleasesPage
        workspace={workspace}
        boardHref={(release) =>
          `${paths.workspace.features.getHref(workspace.key)}?release=${encodeURIComponent(release.id)}`
        }
      />
      <Toaster />
    </>
  );
}
