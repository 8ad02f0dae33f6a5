import { useCallback } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { paths } from '@/config/paths';
import { FeatureDrawer } from '@/features/feature-drawer/components/feature-drawer';
import { useWorkspaceOutlet } from './workspace-outlet';

/** `/w/:workspaceKey/features/:referenceNum`: the feature drawer over the board. */
export default function FeatureRoute() {
  const { workspace, session } = useWorkspaceOutlet();
  const { referenceNum = '' } = useParams();
  const { search } = useLocation();
  const navigate = useNavigate();
  const close = useCallback(
    () => navigate(paths.workspace.features.getHref(workspace.key) + search),
    [navigate, workspace.key, search],
  );
  return (
    <FeatureDrawer
      key={referenceNum}
      workspace={workspace}
      workspaces={session.workspaces}
      referenceNum={referenceNum}
      csrfToken={session.csrfToken}
      onClose={close}
    />
  );
}
