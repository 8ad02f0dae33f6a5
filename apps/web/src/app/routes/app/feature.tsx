import { useCallback, useEffect } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useEnabledIntegrations } from '@/api/integrations/get-enabled-integrations';
import { useSyncOverview } from '@/api/integrations/get-sync-overview';
import { paths } from '@/config/paths';
import { FeatureDrawer } from '@/features/feature-drawer/components/feature-drawer';
import { RecordConflictNotice } from '@/features/integration-links/components/record-conflict-notice';
import { RecordLinks } from '@/features/integration-links/components/record-links';
import { SendMenu } from '@/features/integration-send/components/send-menu';
import { returnFocusToCard } from '@/features/roadmap-board/utils/focus-card';
import { integrationLogHref } from './integration-log-href';
import { useWorkspaceOutlet } from './workspace-outlet';

/** Field → what the drawer says under it when integrations map it from their side only. */
function oneWayHints(
  integrations: readonly { name: string; oneWay: { recordType: string; field: string }[] }[],
  recordType: string,
): Record<string, string> {
  const names = new Map<string, string[]>();
  for (const i of integrations)
    for (const f of i.oneWay.filter((o) => o.recordType === recordType))
      names.set(f.field, [...(names.get(f.field) ?? []), i.name]);
  return Object.fromEntries(
    [...names].map(([field, [first, ...more]]) => [
      field,
      more.length === 0
        ? `Changes here stay in Tandem: ${first} sends this field, Tandem does not send it back (mapped “From ${first} only”).`
        : `Changes here are not sent to ${[first, ...more].join(', ')}: each maps this field from its side only.`,
    ]),
  );
}

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
  const overview = useSyncOverview(workspace.id, 'feature');
  const enabled = useEnabledIntegrations(workspace.id);
  // Where a field is changed, say when it does not travel (mapped from the remote only).
  const fieldHints = oneWayHints(enabled.data ?? [], 'feature');
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
        fieldHints,
        header:
          workspace.role === 'viewer' ? undefined : (
            <SendMenu
              workspaceId={workspace.id}
              selection={{ featureIds: [feature.id] }}
              recordLabel={feature.referenceNum}
              overview={(overview.data ?? []).filter((r) => r.recordId === feature.id)}
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
