import { Toaster } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { InitiativesPage } from '@/features/initiatives/components/initiatives-page';
import { useWorkspaceOutlet } from './workspace-outlet';

export default function InitiativesRoute() {
  const { workspace, session } = useWorkspaceOutlet();
  return (
    <>
      <title>{`Initiatives · ${workspace.name} · Tandem`}</title>
      <InitiativesPage
        workspace={workspace}
        workspaces={session.workspaces}
        boardHref={(initiative) =>
          `${paths.workspace.features.getHref(workspace.key)}?initiative=${encodeURIComponent(initiative.id)}`
        }
      />
      <Toaster />
    </>
  );
}
