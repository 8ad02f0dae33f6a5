import type { SessionWorkspace } from '@tandem/contracts';
import { FileQuestion, X } from 'lucide-react';
import { useEffect, useMemo, useRef } from 'react';
import { useCustomFields } from '@/api/roadmap/get-custom-fields';
import { useInitiatives } from '@/api/roadmap/get-initiatives';
import { useMembers } from '@/api/roadmap/get-members';
import { orderReleases, useReleases } from '@/api/roadmap/get-releases';
import { statusesOf, useWorkflows } from '@/api/roadmap/get-workflows';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { useFeature } from '../api/get-feature';
import { useFeatureReference } from '../api/resolve-feature-reference';
import { type DrawerReferenceData, FeatureDrawerContent } from './feature-drawer-content';
import type { IntegrationsSlot } from './integrations-section';

/**
 * A panel over the board showing one feature, named in the URL by its reference. Escape or the
 * backdrop closes it; focus moves into it when it opens.
 */
export function FeatureDrawer({
  workspace,
  workspaces,
  referenceNum,
  csrfToken,
  onClose,
  integrations,
}: {
  workspace: SessionWorkspace;
  workspaces: readonly SessionWorkspace[];
  referenceNum: string;
  csrfToken: string;
  onClose: () => void;
  /** The Integrations section's content, composed by the route (links, *Send to…*). */
  integrations?: IntegrationsSlot;
}) {
  const panel = useRef<HTMLDivElement>(null);
  const reference = useFeatureReference(workspace.id, referenceNum);
  const feature = useFeature(workspace.id, reference.data);
  const workflows = useWorkflows(workspace.id);
  const releases = useReleases(workspace.id);
  const initiatives = useInitiatives(workspace.id);
  const members = useMembers(workspace.id);
  const customFields = useCustomFields(workspace.id);

  const data = useMemo<DrawerReferenceData>(() => {
    const requirementStatuses = statusesOf(workflows.data, 'requirement');
    return {
      statuses: statusesOf(workflows.data, 'feature'),
      requirementStatuses: requirementStatuses.length
        ? requirementStatuses
        : statusesOf(workflows.data, 'feature'),
      releases: orderReleases(releases.data ?? []),
      initiatives: initiatives.data ?? [],
      members: members.data ?? [],
      customFields: (customFields.data ?? []).filter((f) => f.recordType === 'feature'),
    };
  }, [workflows.data, releases.data, initiatives.data, members.data, customFields.data]);

  useEffect(() => {
    panel.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('[role="menu"],dialog,[role="toolbar"] form')) return;
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const error = reference.error ?? feature.error;
  const ready = feature.data && workflows.data && releases.data;

  return (
    <div className="fixed inset-0 z-40">
      <button
        type="button"
        tabIndex={-1}
        aria-label="Close feature"
        onClick={onClose}
        className="absolute inset-0 cursor-default bg-zinc-900/10"
      />
      <div
        ref={panel}
        role="dialog"
        aria-label={`Feature ${referenceNum}`}
        tabIndex={-1}
        className="absolute inset-y-0 right-0 flex w-full max-w-[46rem] flex-col border-l border-zinc-200 bg-white shadow-2xl shadow-zinc-900/20 outline-none"
      >
        {error ? (
          <div className="flex flex-1 flex-col">
            <div className="flex h-12 items-center justify-end border-b border-zinc-100 px-4">
              <button
                type="button"
                aria-label="Close"
                onClick={onClose}
                className="flex size-8 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100"
              >
                <X className="size-4" aria-hidden="true" />
              </button>
            </div>
            <EmptyState
              className="m-6"
              icon={FileQuestion}
              title={`${referenceNum} could not be opened`}
              description={error.message}
            />
          </div>
        ) : ready ? (
          <FeatureDrawerContent
            key={feature.data.id}
            workspace={workspace}
            workspaces={workspaces}
            feature={feature.data}
            data={data}
            csrfToken={csrfToken}
            onClose={onClose}
            onDeleted={onClose}
            integrations={integrations}
          />
        ) : (
          <div className="flex flex-1 items-center justify-center">
            <Spinner className="size-5 text-zinc-400" label={`Loading ${referenceNum}`} />
          </div>
        )}
      </div>
    </div>
  );
}
