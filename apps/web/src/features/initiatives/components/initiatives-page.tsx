import type { Initiative, SessionWorkspace } from '@tandem/contracts';
import { useQueries } from '@tanstack/react-query';
import { Plus, Target } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useFeatures } from '@/api/roadmap/get-features';
import { useInitiatives } from '@/api/roadmap/get-initiatives';
import { getWorkflowsQueryOptions, statusesOf } from '@/api/roadmap/get-workflows';
import { ContentLayout } from '@/components/layouts/content-layout';
import { StatusDot } from '@/components/roadmap/status-dot';
import { Alert } from '@/components/ui/alert';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toast';
import { NewInitiativeDialog } from './new-initiative-dialog';

/**
 * Initiatives of this workspace and of the others the user belongs to (features may contribute to
 * an initiative that lives elsewhere), with how many of this workspace's features link to each.
 */
export function InitiativesPage({
  workspace,
  workspaces,
  boardHref,
}: {
  workspace: SessionWorkspace;
  workspaces: readonly SessionWorkspace[];
  boardHref: (initiative: Initiative) => string;
}) {
  const initiatives = useInitiatives(workspace.id);
  const features = useFeatures(workspace.id);
  const [creating, setCreating] = useState(false);
  // Each workspace has its own workflow: an initiative's status is read from its own workspace's.
  const homeIds = [
    ...new Set([workspace.id, ...(initiatives.data ?? []).map((i) => i.workspaceId)]),
  ];
  const workflows = useQueries({ queries: homeIds.map((id) => getWorkflowsQueryOptions(id)) });
  const statuses = workflows.flatMap((w) => statusesOf(w.data, 'initiative'));
  const ownStatuses = statusesOf(workflows[0]?.data, 'initiative');
  const linked = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of features.data ?? []) {
      if (f.initiativeId) counts.set(f.initiativeId, (counts.get(f.initiativeId) ?? 0) + 1);
    }
    return counts;
  }, [features.data]);
  const sorted = [...(initiatives.data ?? [])].sort(
    (a, b) =>
      Number(a.workspaceId !== workspace.id) - Number(b.workspaceId !== workspace.id) ||
      a.name.localeCompare(b.name),
  );
  const workspaceOf = (id: string) => workspaces.find((w) => w.id === id);
  const error = initiatives.error ?? features.error;

  return (
    <ContentLayout
      breadcrumb={workspace.name}
      title="Initiatives"
      description="The goals features roll up to, here and in your other workspaces."
      actions={
        workspace.role !== 'viewer' ? (
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Plus className="size-4" aria-hidden="true" />
            New initiative
          </Button>
        ) : null
      }
    >
      {error ? (
        <Alert>{error.message}</Alert>
      ) : initiatives.isPending ? (
        <div className="flex justify-center py-24">
          <Spinner className="size-5 text-zinc-400" label="Loading initiatives" />
        </div>
      ) : sorted.length === 0 ? (
        <EmptyState
          icon={Target}
          title="No initiatives yet"
          description="Create an initiative to group features around a goal."
        />
      ) : (
        <div className="overflow-hidden rounded-xl border border-zinc-200">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-zinc-200 bg-zinc-50/80 text-[12px] text-zinc-500">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Initiative
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">
                  Linked features
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Workspace
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {sorted.map((initiative) => {
                const status = statuses.find((s) => s.id === initiative.statusId);
                const home = workspaceOf(initiative.workspaceId);
                const count = linked.get(initiative.id) ?? 0;
                return (
                  <tr key={initiative.id} className="hover:bg-zinc-50/60">
                    <td className="px-4 py-3">
                      <p className="font-medium text-zinc-900">{initiative.name}</p>
                      <p className="text-[12px] text-zinc-500">{initiative.referenceNum}</p>
                    </td>
                    <td className="px-4 py-3">
                      {status ? (
                        <span className="inline-flex items-center gap-1.5 text-[13px] text-zinc-700">
                          <StatusDot color={status.color} category={status.category} />
                          {status.name}
                        </span>
                      ) : (
                        <span className="text-zinc-500">—</span>
                      )}
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums">
                      {count > 0 ? (
                        <Link
                          to={boardHref(initiative)}
                          className="font-medium text-accent-700 hover:underline"
                        >
                          {count}
                        </Link>
                      ) : (
                        <span className="text-zinc-500">0</span>
                      )}
                    </td>
                    <td className="px-4 py-3">
                      <span className="inline-flex items-center gap-2 text-[13px] text-zinc-700">
                        <Avatar
                          name={home?.key ?? initiative.workspaceId}
                          text={(home?.name ?? '?').slice(0, 1)}
                          shape="square"
                          size="sm"
                        />
                        {home?.name ?? 'Another workspace'}
                        {initiative.workspaceId === workspace.id ? null : (
                          <span className="rounded bg-zinc-100 px-1.5 py-px text-[11px] text-zinc-600">
                            shared
                          </span>
                        )}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {creating ? (
        <NewInitiativeDialog
          workspaceId={workspace.id}
          statuses={ownStatuses}
          onClose={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false);
            toast(`${name} created`, { tone: 'success' });
          }}
        />
      ) : null}
    </ContentLayout>
  );
}
