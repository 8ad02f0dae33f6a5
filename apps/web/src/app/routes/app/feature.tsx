import { useCallback, useEffect } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { paths } from '@/config/paths';
import { FeatureDrawer } from '@/features/feature-drawer/components/feature-drawer';
import { RecordConflictNotice } from '@/features/integration-links/components/record-conflict-notice';
import { RecordLinks } from '@/features/integration-links/components/record-links';
import { SendMenu } from '@/features/integration-send/components/send-menu';
import { returnFocusToCard } from '@/features/roadmap-board/utils/focus-card';
import { integrationLogHref } from './integration-log-href';
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
  // Closed (Escape, ×, the backdrop): focus goes back to the feature's card on the board.
  useEffect(() => () => returnFocusToCard(referenceNum), [referenceNum]);
  return (
    <FeatureDrawer
      key={referenceNum}
      workspace={workspace}
      workspaces={session.workspaces}
      referenceNum={referenceNum}
      csrfToken={session.csrfToken}
      onClose={close}
      integrations={(feature) => ({
        notice: (
          <RecordConflictNotice
            workspaceId={workspace.id}
            recordType="feature"
            recordId={feature.id}
          />
        ),
        action:
          workspace.role === 'viewer' ? undefined : (
            <SendMenu
              workspaceId={workspace.id}
              selection={{ featureIds: [feature.id] }}
              recordLabel={feature.referenceNum}
            />
          ),
        children: (
          <RecordLinks
            workspaceId={workspace.id}
            recordType="feature"
            recordId={feature.id}
            canResolve={workspace.role !== 'viewer'}
            logHref={(link) =>
              integrationLogHref(workspace, link.integrationId, {
                recordType: 'feature',
                recordId: feature.id,
                referenceNum: feature.referenceNum,
                logId: link.lastLogId,
              })
            }
          />
        ),
      })}
    />
  );
}
