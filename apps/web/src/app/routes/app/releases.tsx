import { useFeatures } from '@/api/roadmap/get-features';
import { Toaster } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { RecordLinkBadges } from '@/features/integration-links/components/record-link-badges';
import { useLiveLinks } from '@/features/integration-links/hooks/use-live-links';
import { SendReleaseButton } from '@/features/integration-send/components/send-release-button';
import { ReleasesPage } from '@/features/releases/components/releases-page';
import { integrationLogHref } from './integration-log-href';
import { useWorkspaceOutlet } from './workspace-outlet';

export default function ReleasesRoute() {
  const { workspace } = useWorkspaceOutlet();
  const features = useFeatures(workspace.id);
  useLiveLinks(workspace.id);
  return (
    <>
      <title>{`Releases · ${workspace.name} · Tandem`}</title>
      <ReleasesPage
        workspace={workspace}
        boardHref={(release) =>
          `${paths.workspace.features.getHref(workspace.key)}?release=${encodeURIComponent(release.id)}`
        }
        releaseActions={(release) =>
          release.parkingLot ? null : (
            <>
              <RecordLinkBadges
                workspaceId={workspace.id}
                recordType="release"
                recordId={release.id}
              />
              {/* A parking lot is no release to plan in the remote system: its features go one by one. */}
              {workspace.role === 'viewer' ? null : (
                <SendReleaseButton
                  workspaceId={workspace.id}
                  release={release}
                  features={(features.data ?? [])
                    .filter((f) => f.releaseId === release.id)
                    .map(({ id, referenceNum, name }) => ({ id, referenceNum, name }))}
                  logHref={(integrationId, item) =>
                    integrationLogHref(workspace, integrationId, {
                      recordType: item.recordType ?? 'feature',
                      recordId: item.id,
                      referenceNum: item.referenceNum,
                      logId: item.logId,
                    })
                  }
                />
              )}
            </>
          )
        }
      />
      <Toaster />
    </>
  );
}
