import type { Feature } from '@tandem/contracts';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Toaster } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { FeaturesBoard } from '@/features/roadmap-board/components/features-board';
import { useWorkspaceOutlet } from './workspace-outlet';

/** The board; a feature opened from it shows in a drawer (the child route) over the board. */
export default function FeaturesRoute() {
  const context = useWorkspaceOutlet();
  const { workspace, session } = context;
  const { search } = useLocation();
  const navigate = useNavigate();
  const hrefFor = (feature: Feature) =>
    paths.workspace.feature.getHref(workspace.key, feature.referenceNum) + search;

  return (
    <div className="flex h-dvh flex-col md:h-dvh">
      <title>{`Features · ${workspace.name} · Tandem`}</title>
      <FeaturesBoard
        workspace={workspace}
        workspaces={session.workspaces}
        hrefFor={hrefFor}
        onOpenFeature={(feature) => navigate(hrefFor(feature))}
      />
      <Outlet context={context} />
      <Toaster />
    </div>
  );
}
