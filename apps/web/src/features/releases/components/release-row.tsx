import type { Release, WorkflowStatus } from '@tandem/contracts';
import { CalendarDays, Pencil } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { StatusDot } from '@/components/roadmap/status-dot';
import { formatDateRange, relativeDue } from '../utils/release-dates';
import { StatusBar } from './status-bar';

/** One release: name, dates, its own status, and its features by status. */
export function ReleaseRow({
  release,
  status,
  featureStatuses,
  counts,
  boardHref,
  canEdit,
  onEdit,
  actions,
}: {
  release: Release;
  status: WorkflowStatus | undefined;
  featureStatuses: readonly WorkflowStatus[];
  counts: ReadonlyMap<string, number>;
  boardHref: string;
  canEdit: boolean;
  onEdit: () => void;
  actions?: ReactNode;
}) {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const done = featureStatuses
    .filter((s) => s.category === 'done')
    .reduce((n, s) => n + (counts.get(s.id) ?? 0), 0);
  const shipped = status?.category === 'done';

  return (
    // Wide: name, dates, progress and actions side by side. Narrow: one under the other, so the
    // name has the whole width.
    <li className="group/rel grid grid-cols-1 items-center gap-y-2 px-4 py-3.5 hover:bg-zinc-50/70 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,1.2fr)_13rem] lg:gap-6">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link
            to={boardHref}
            className="truncate text-sm font-medium text-zinc-900 hover:underline"
          >
            {release.name}
          </Link>
          {status && !release.parkingLot ? (
            <span className="inline-flex shrink-0 items-center whitespace-nowrap gap-1.5 rounded-full bg-zinc-100 px-2 py-0.5 text-[11px] font-medium text-zinc-600">
              <StatusDot color={status.color} category={status.category} className="size-2" />
              {status.name}
            </span>
          ) : null}
        </div>
        <p className="mt-0.5 text-[12px] text-zinc-500">{release.referenceNum}</p>
      </div>
      <div className="min-w-0 text-[13px]">
        {release.parkingLot ? (
          <p className="text-zinc-500">Unscheduled</p>
        ) : (
          <>
            <p className="flex items-center gap-1.5 text-zinc-700">
              <CalendarDays className="size-3.5 text-zinc-400" aria-hidden="true" />
              {formatDateRange(release.startDate, release.releaseDate)}
            </p>
            {release.releaseDate && !shipped ? (
              <p className="mt-0.5 pl-5 text-[12px] text-zinc-500">
                {relativeDue(release.releaseDate)}
              </p>
            ) : null}
          </>
        )}
      </div>
      <div className="min-w-0">
        <div className="mb-1.5 flex items-baseline justify-between text-[12px]">
          <span className="text-zinc-700">
            <span className="font-medium tabular-nums">{total}</span> feature
            {total === 1 ? '' : 's'}
          </span>
          {total > 0 ? <span className="text-zinc-500 tabular-nums">{done} done</span> : null}
        </div>
        <StatusBar counts={counts} statuses={featureStatuses} />
      </div>
      <div className="-ml-2 flex items-center gap-1 lg:ml-0 lg:justify-end">
        {actions}
        {canEdit ? (
          <button
            type="button"
            onClick={onEdit}
            aria-label={`Edit ${release.name}`}
            className="flex size-8 items-center justify-center rounded-md text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 focus-visible:opacity-100 lg:opacity-0 lg:group-hover/rel:opacity-100"
          >
            <Pencil className="size-3.5" aria-hidden="true" />
          </button>
        ) : (
          <span className="hidden size-8 lg:block" />
        )}
      </div>
    </li>
  );
}
