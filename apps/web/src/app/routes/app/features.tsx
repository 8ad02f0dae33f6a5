import type { Feature } from '@tandem/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type LoaderFunctionArgs, Outlet, useLocation, useNavigate } from 'react-router';
import { useLiveRoadmap } from '@/api/roadmap/use-live-roadmap';
import { Toaster } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { getSessionQueryOptions } from '@/features/auth/api/get-session';
import { useLiveLinks } from '@/features/integration-links/hooks/use-live-links';
import { BulkSendButton } from '@/features/integration-send/components/bulk-send-button';
import { primeBoard } from '@/features/roadmap-board/api/prime-board';
import { FeaturesBoard } from '@/features/roadmap-board/components/features-board';
import { returnFocusToCard } from '@/features/roadmap-board/utils/focus-card';
import { primeQuery } from '@/lib/query';
import { integrationLogHref } from './integration-log-href';
import { useWorkspaceOutlet } from './workspace-outlet';

/** Columns and cards load with the route, so the board paints complete. */
export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const session = await primeQuery(queryClient, getSessionQueryOptions());
    const workspace = session?.workspaces.find((w) => w.key === params.workspaceKey);
    if (workspace) await primeBoard(queryClient, workspace.id, new URL(request.url).searchParams);
    return null;
  };

let drawerRequested = false;
/**
 * The drawer's code, with the text editor, is the largest chunk of the app. It is not part of the
 * first paint: it is fetched once the board is idle, or as soon as a card is hovered or focused,
 * so opening a feature does not wait for it.
 */
function preloadDrawer() {
  if (drawerRequested) return;
  drawerRequested = true;
  void import('./feature');
}

function usePreloadDrawer() {
  useEffect(() => {
    const onCard = (event: Event) => {
      if (event.target instanceof Element && event.target.closest('[data-feature]'))
        preloadDrawer();
    };
    document.addEventListener('pointerover', onCard, { passive: true });
    document.addEventListener('focusin', onCard);
    const idle =
      typeof window.requestIdleCallback === 'function'
        ? window.requestIdleCallback(preloadDrawer, { timeout: 4000 })
        : undefined;
    const timer = idle === undefined ? setTimeout(preloadDrawer, 1500) : undefined;
    return () => {
      document.removeEventListener('pointerover', onCard);
      document.removeEventListener('focusin', onCard);
      if (idle !== undefined) window.cancelIdleCallback(idle);
      clearTimeout(timer);
    };
  }, []);
}

/** The board; a feature opened from it shows in a drawer (the child route) over the board. */
export default function FeaturesRoute() {
  const context = useWorkspaceOutlet();
  const { workspace, session } = context;
  const { search } = useLocation();
  const navigate = useNavigate();
  const hrefFor = (feature: Feature) =>
    paths.workspace.feature.getHref(workspace.key, feature.referenceNum) + search;
  useLiveLinks(workspace.id);
  useLiveRoadmap(workspace.id);
  usePreloadDrawer();

  return (
    <div className="flex h-[calc(100dvh-3rem)] flex-col md:h-dvh">
      <title>{`Features · ${workspace.name} · Tandem`}</title>
      <FeaturesBoard
        workspace={workspace}
        workspaces={session.workspaces}
        hrefFor={hrefFor}
        onOpenFeature={(feature) => navigate(hrefFor(feature))}
        selectionActions={
          workspace.role === 'viewer'
            ? undefined
            : (selected, clear) => (
                <BulkSendButton
                  workspaceId={workspace.id}
                  features={selected.map(({ id, referenceNum, name }) => ({
                    id,
                    referenceNum,
                    name,
                  }))}
                  onFinished={() => {
                    // The selection bar (and its *Send to…*) goes: focus returns to a sent card.
                    clear();
                    if (selected[0]) returnFocusToCard(selected[0].referenceNum);
                  }}
                  logHref={(integrationId, item) =>
                    integrationLogHref(workspace, integrationId, {
                      recordType: item.recordType ?? 'feature',
                      recordId: item.id,
                      referenceNum: item.referenceNum,
                      logId: item.logId,
                    })
                  }
                />
              )
        }
      />
      <Outlet context={context} />
      <Toaster />
    </div>
  );
}
