import type { Feature, SessionWorkspace } from '@tandem/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Layers, Plus, SearchX } from 'lucide-react';
import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { useEnabledIntegrations } from '@/api/integrations/get-enabled-integrations';
import { overviewByRecord, useSyncOverview } from '@/api/integrations/get-sync-overview';
import { writeFeatureToLists } from '@/api/roadmap/feature-cache';
import { useCustomFields } from '@/api/roadmap/get-custom-fields';
import { useFeatures } from '@/api/roadmap/get-features';
import { useInitiatives } from '@/api/roadmap/get-initiatives';
import { useMembers } from '@/api/roadmap/get-members';
import { orderReleases, useReleases } from '@/api/roadmap/get-releases';
import { statusesOf, useWorkflows } from '@/api/roadmap/get-workflows';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toast';
import { isApiError } from '@/lib/api-client';
import { useBulkMoveFeatures } from '../api/bulk-move-features';
import { useMoveFeature } from '../api/move-feature';
import type { BoardDrop } from '../hooks/use-board-dnd';
import { useBoardShortcuts } from '../hooks/use-board-shortcuts';
import { useBoardView } from '../hooks/use-board-view';
import { useRemoteChanges } from '../hooks/use-remote-changes';
import { useSelection } from '../hooks/use-selection';
import { rankBetween } from '../utils/drop-position';
import { type BoardColumn, boardOrder, groupFeatures } from '../utils/group-features';
import { matchesSyncFilter } from '../utils/sync-filter';
import { Board } from './board';
import { BoardToolbar } from './board-toolbar';
import { CardSync } from './card-sync';
import { GroupingToggle } from './grouping-toggle';
import { NewFeatureDialog } from './new-feature-dialog';
import { SelectionBar } from './selection-bar';

const formatDate = (iso: string | null) =>
  iso
    ? new Date(`${iso}T00:00:00`).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
    : undefined;

/** The Features board: toolbar, columns by status or release, selection bar, new-feature dialog. */
export function FeaturesBoard({
  workspace,
  workspaces,
  hrefFor,
  onOpenFeature,
  selectionActions,
}: {
  workspace: SessionWorkspace;
  workspaces: readonly SessionWorkspace[];
  hrefFor: (feature: Feature) => string;
  onOpenFeature: (feature: Feature) => void;
  /** More bulk actions for the selected features (e.g. *Send to…*), composed by the route. */
  selectionActions?: (selected: Feature[], clear: () => void) => ReactNode;
}) {
  const workspaceId = workspace.id;
  const canEdit = workspace.role !== 'viewer';
  const queryClient = useQueryClient();
  const { view, setView } = useBoardView();
  const features = useFeatures(workspaceId, view.filters);
  const allFeatures = useFeatures(workspaceId);
  const workflows = useWorkflows(workspaceId);
  const releases = useReleases(workspaceId);
  const initiatives = useInitiatives(workspaceId);
  const members = useMembers(workspaceId);
  const customFields = useCustomFields(workspaceId);
  const move = useMoveFeature(workspaceId);
  const bulkMove = useBulkMoveFeatures(workspaceId);
  const [creating, setCreating] = useState<{ statusId?: string; releaseId?: string } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const statuses = useMemo(() => statusesOf(workflows.data, 'feature'), [workflows.data]);
  const ordered = useMemo(() => orderReleases(releases.data ?? []), [releases.data]);
  const columns = useMemo<BoardColumn[]>(
    () =>
      view.groupBy === 'status'
        ? statuses.map((s) => ({ id: s.id, name: s.name, color: s.color }))
        : ordered
            .filter((r) => !view.filters.releaseId || r.id === view.filters.releaseId)
            .map((r) => ({
              id: r.id,
              name: r.name,
              hint: r.parkingLot ? 'Parking lot' : formatDate(r.releaseDate),
            })),
    [view.groupBy, view.filters.releaseId, statuses, ordered],
  );
  const enabled = useEnabledIntegrations(workspaceId);
  const overview = useSyncOverview(workspaceId, 'feature');
  const syncRows = useMemo(() => overviewByRecord(overview.data), [overview.data]);
  const remoteChanges = useRemoteChanges(workspaceId);
  const integrationName = (id: string) =>
    enabled.data?.find((i) => i.id === id)?.name ??
    overview.data?.find((r) => r.integrationId === id)?.integrationName;
  const items = useMemo(() => {
    const all = features.data ?? [];
    if (!view.sync) return all;
    return all.filter((f) => matchesSyncFilter(view.sync, syncRows.get(f.id) ?? []));
  }, [features.data, view.sync, syncRows]);
  const order = useMemo(
    () => boardOrder(groupFeatures(items, columns, view.groupBy), columns),
    [items, columns, view.groupBy],
  );
  const selection = useSelection(order);
  const tags = useMemo(
    () =>
      [...new Set((allFeatures.data ?? []).flatMap((f) => f.tags))].sort((a, b) =>
        a.localeCompare(b),
      ),
    [allFeatures.data],
  );
  const initiativeNames = useMemo(
    () => new Map((initiatives.data ?? []).map((i) => [i.id, i.name])),
    [initiatives.data],
  );
  const otherWorkspaceName = (id: string) =>
    id === workspaceId
      ? undefined
      : (workspaces.find((w) => w.id === id)?.name ?? 'another workspace');

  const openCreate = useCallback(() => setCreating({}), []);
  useBoardShortcuts({
    search: searchRef,
    onCreate: canEdit ? openCreate : null,
    onClearSelection: selection.clear,
    enabled: creating === null,
  });

  const onDrop = ({ feature, toColumn, neighbours }: BoardDrop) => {
    const rankOf = (id: string | null) =>
      id ? (items.find((f) => f.id === id)?.rank ?? null) : null;
    const target = view.groupBy === 'status' ? { statusId: toColumn } : { releaseId: toColumn };
    const optimistic = {
      ...feature,
      ...target,
      rank: rankBetween(rankOf(neighbours.afterId), rankOf(neighbours.beforeId)),
    };
    writeFeatureToLists(queryClient, optimistic);
    move.mutate(
      { feature, optimistic, move: { ...target, ...neighbours } },
      {
        onError: (error) =>
          isApiError(error) && error.status === 409
            ? toast(`${feature.referenceNum} changed while you were moving it`, {
                tone: 'error',
                description: 'The board now shows the latest version. Try the move again.',
              })
            : toast(`${feature.referenceNum} could not be moved`, {
                tone: 'error',
                description: error.message,
              }),
      },
    );
  };

  const onBulkMove = (statusId: string) => {
    const chosen = items.filter((f) => selection.selected.has(f.id));
    const status = statuses.find((s) => s.id === statusId)?.name ?? 'the status';
    bulkMove.mutate(
      { features: chosen, statusId },
      {
        onSuccess: ({ moved, failed }) => {
          if (failed.length === 0) {
            toast(`Moved ${moved} feature${moved === 1 ? '' : 's'} to ${status}`, {
              tone: 'success',
            });
            selection.clear();
          } else {
            toast(`${failed.length} of ${chosen.length} could not be moved`, {
              tone: 'error',
              description: failed.map((f) => `${f.feature.referenceNum}: ${f.message}`).join(' · '),
            });
          }
        },
      },
    );
  };

  const loading = features.isPending || workflows.isPending || releases.isPending;
  const failed = features.error ?? workflows.error ?? releases.error;
  const filtered =
    Boolean(view.filters.q) || Object.values(view.filters).some(Boolean) || Boolean(view.sync);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-end justify-between gap-4 px-4 pt-5 pb-4 sm:px-6">
        <div>
          <p className="text-[13px] text-zinc-500">{workspace.name}</p>
          <h1 className="text-xl font-semibold tracking-tight text-zinc-900">Features</h1>
        </div>
        <div className="flex items-center gap-2">
          <GroupingToggle
            value={view.groupBy}
            onChange={(groupBy) => setView((v) => ({ ...v, groupBy }))}
          />
          {canEdit ? (
            <Button
              variant="primary"
              onClick={openCreate}
              disabled={loading}
              aria-keyshortcuts="c"
              title="New feature (C)"
            >
              <Plus className="size-4" aria-hidden="true" />
              New feature
            </Button>
          ) : null}
        </div>
      </div>
      <BoardToolbar
        view={view}
        onChange={setView}
        releases={ordered}
        initiatives={initiatives.data ?? []}
        members={members.data ?? []}
        tags={tags}
        workspaceName={otherWorkspaceName}
        searchRef={searchRef}
        showSync={(enabled.data?.length ?? 0) > 0}
      />
      {failed ? (
        <Alert className="mx-6">{failed.message}</Alert>
      ) : loading ? (
        <div className="flex flex-1 items-center justify-center py-24">
          <Spinner className="size-5 text-zinc-400" label="Loading features" />
        </div>
      ) : columns.length === 0 ? (
        <EmptyState
          className="mx-6"
          icon={Layers}
          title="No workflow yet"
          description="This workspace has no feature statuses to show as columns."
        />
      ) : (
        <>
          {filtered && items.length === 0 ? (
            <p
              className="mx-6 mb-3 flex items-center gap-2 text-[13px] text-zinc-500"
              role="status"
            >
              <SearchX className="size-4" aria-hidden="true" /> No features match these filters.
            </p>
          ) : null}
          <div className="min-h-0 flex-1">
            <Board
              features={items}
              columns={columns}
              groupBy={view.groupBy}
              members={members.data ?? []}
              statuses={statuses}
              initiativeName={(f) => initiativeNames.get(f.initiativeId ?? '')}
              canEdit={canEdit}
              selected={selection.selected}
              onSelect={(f, mode) =>
                mode === 'range' ? selection.selectRange(f.id) : selection.toggle(f.id)
              }
              hrefFor={hrefFor}
              onAdd={(columnId) =>
                setCreating(
                  view.groupBy === 'status' ? { statusId: columnId } : { releaseId: columnId },
                )
              }
              onDrop={onDrop}
              filtered={filtered}
              syncOf={(f) => <CardSync rows={syncRows.get(f.id) ?? []} />}
              changedBy={(f) => {
                const by = remoteChanges.get(f.id);
                return by === undefined ? undefined : (integrationName(by) ?? 'the integration');
              }}
              onSelectColumn={canEdit ? selection.toggleAll : undefined}
            />
          </div>
        </>
      )}
      <SelectionBar
        count={selection.selected.size}
        statuses={statuses}
        busy={bulkMove.isPending}
        onMoveToStatus={onBulkMove}
        onClear={selection.clear}
        extraActions={
          selectionActions && selection.selected.size > 0
            ? selectionActions(
                items.filter((f) => selection.selected.has(f.id)),
                selection.clear,
              )
            : undefined
        }
      />
      {creating ? (
        <NewFeatureDialog
          workspaceId={workspaceId}
          open
          onClose={() => setCreating(null)}
          onCreated={(feature) => {
            toast(`${feature.referenceNum} created`, { tone: 'success' });
            onOpenFeature(feature);
          }}
          releases={ordered}
          statuses={statuses}
          customFields={(customFields.data ?? []).filter((f) => f.recordType === 'feature')}
          defaults={{
            releaseId: creating.releaseId ?? view.filters.releaseId,
            statusId: creating.statusId,
          }}
        />
      ) : null}
    </div>
  );
}
