import type { Release, SessionWorkspace } from '@tandem/contracts';
import { Milestone, ParkingSquare, Plus } from 'lucide-react';
import { type ReactNode, useMemo, useState } from 'react';
import { useFeatures } from '@/api/roadmap/get-features';
import { orderReleases, useReleases } from '@/api/roadmap/get-releases';
import { statusesOf, useWorkflows } from '@/api/roadmap/get-workflows';
import { ContentLayout } from '@/components/layouts/content-layout';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toast';
import { ReleaseDialog } from './release-dialog';
import { ReleaseRow } from './release-row';

function ReleaseGroup({
  title,
  icon: Icon,
  hint,
  children,
}: {
  title: string;
  icon: typeof Milestone;
  hint: string;
  children: ReactNode;
}) {
  return (
    <section aria-label={title} className="mb-8">
      <div className="mb-2 flex items-baseline gap-2">
        <Icon className="size-4 translate-y-0.5 text-zinc-400" aria-hidden="true" />
        <h2 className="text-[13px] font-semibold text-zinc-800">{title}</h2>
        <span className="text-[12px] text-zinc-500">{hint}</span>
      </div>
      <ul className="divide-y divide-zinc-100 overflow-hidden rounded-xl border border-zinc-200 bg-white">
        {children}
      </ul>
    </section>
  );
}

/** Scheduled releases by date and parking lots apart, each with its features by status. */
export function ReleasesPage({
  workspace,
  boardHref,
  releaseActions,
}: {
  workspace: SessionWorkspace;
  boardHref: (release: Release) => string;
  /** More actions on each release (e.g. *Send release*), composed by the route. */
  releaseActions?: (release: Release) => ReactNode;
}) {
  const releases = useReleases(workspace.id);
  const workflows = useWorkflows(workspace.id);
  const features = useFeatures(workspace.id);
  const [editing, setEditing] = useState<Release | 'new' | null>(null);
  const canEdit = workspace.role !== 'viewer';

  const featureStatuses = useMemo(() => statusesOf(workflows.data, 'feature'), [workflows.data]);
  const releaseStatuses = useMemo(() => statusesOf(workflows.data, 'release'), [workflows.data]);
  const counts = useMemo(() => {
    const byRelease = new Map<string, Map<string, number>>();
    for (const f of features.data ?? []) {
      const m = byRelease.get(f.releaseId) ?? new Map<string, number>();
      m.set(f.statusId, (m.get(f.statusId) ?? 0) + 1);
      byRelease.set(f.releaseId, m);
    }
    return byRelease;
  }, [features.data]);
  const ordered = orderReleases(releases.data ?? []);
  const scheduled = ordered.filter((r) => !r.parkingLot);
  const parked = ordered.filter((r) => r.parkingLot);
  const error = releases.error ?? workflows.error ?? features.error;

  const row = (r: Release) => (
    <ReleaseRow
      key={r.id}
      release={r}
      status={releaseStatuses.find((s) => s.id === r.statusId)}
      featureStatuses={featureStatuses}
      counts={counts.get(r.id) ?? new Map()}
      boardHref={boardHref(r)}
      canEdit={canEdit}
      onEdit={() => setEditing(r)}
      actions={releaseActions?.(r)}
    />
  );

  return (
    <ContentLayout
      breadcrumb={workspace.name}
      title="Releases"
      description="When work ships, and what ships with it."
      actions={
        canEdit ? (
          <Button variant="primary" onClick={() => setEditing('new')}>
            <Plus className="size-4" aria-hidden="true" />
            New release
          </Button>
        ) : null
      }
    >
      {error ? (
        <Alert>{error.message}</Alert>
      ) : releases.isPending || workflows.isPending ? (
        <div className="flex justify-center py-24">
          <Spinner className="size-5 text-zinc-400" label="Loading releases" />
        </div>
      ) : ordered.length === 0 ? (
        <EmptyState
          icon={Milestone}
          title="No releases yet"
          description="Create a release to plan when features ship."
        />
      ) : (
        <>
          <ul
            aria-label="Feature statuses"
            className="mb-3 flex flex-wrap justify-end gap-x-4 gap-y-1 text-[12px] text-zinc-500"
          >
            {featureStatuses.map((s) => (
              <li key={s.id} className="inline-flex items-center gap-1.5">
                <span
                  aria-hidden="true"
                  className="size-2 rounded-full"
                  style={{ background: s.color }}
                />
                {s.name}
              </li>
            ))}
          </ul>
          <ReleaseGroup
            title="Scheduled"
            icon={Milestone}
            hint={`${scheduled.length} release${scheduled.length === 1 ? '' : 's'}, by release date`}
          >
            {scheduled.length ? (
              scheduled.map(row)
            ) : (
              <li className="px-4 py-6 text-center text-[13px] text-zinc-500">
                No scheduled releases.
              </li>
            )}
          </ReleaseGroup>
          <ReleaseGroup
            title="Parking lot"
            icon={ParkingSquare}
            hint="Work that is not scheduled yet"
          >
            {parked.length ? (
              parked.map(row)
            ) : (
              <li className="px-4 py-6 text-center text-[13px] text-zinc-500">No parking lot.</li>
            )}
          </ReleaseGroup>
        </>
      )}
      {editing ? (
        <ReleaseDialog
          workspaceId={workspace.id}
          release={editing === 'new' ? null : editing}
          statuses={releaseStatuses}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            toast(message, { tone: 'success' });
          }}
        />
      ) : null}
    </ContentLayout>
  );
}
