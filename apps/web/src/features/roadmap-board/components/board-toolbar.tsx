import type { Initiative, Member, Release } from '@tandem/contracts';
import { Search, X } from 'lucide-react';
import { type RefObject, useEffect, useState } from 'react';
import type { FeatureListFilters } from '@/api/roadmap/get-features';
import { Select } from '@/components/ui/select';
import { activeFilterCount, type BoardView, type SyncFilter } from '../utils/board-filters';

const SEARCH_DELAY_MS = 250;

/** Search, filters and the grouping switch above the board; every change lands in the URL. */
export function BoardToolbar({
  view,
  onChange,
  releases,
  initiatives,
  members,
  tags,
  workspaceName,
  searchRef,
  showSync = false,
}: {
  view: BoardView;
  onChange: (update: (view: BoardView) => BoardView) => void;
  releases: readonly Release[];
  initiatives: readonly Initiative[];
  members: readonly Member[];
  tags: readonly string[];
  workspaceName: (workspaceId: string) => string | undefined;
  searchRef?: RefObject<HTMLInputElement | null>;
  /** Whether the workspace sends anywhere: the sync filter shows only then. */
  showSync?: boolean;
}) {
  const [text, setText] = useState(view.filters.q ?? '');
  useEffect(() => setText(view.filters.q ?? ''), [view.filters.q]);
  useEffect(() => {
    if (text === (view.filters.q ?? '')) return;
    const timer = setTimeout(
      () => onChange((v) => ({ ...v, filters: { ...v.filters, q: text } })),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [text, view.filters.q, onChange]);

  const setFilter = (key: keyof FeatureListFilters, value: string) =>
    onChange((v) => ({ ...v, filters: { ...v.filters, [key]: value || undefined } }));
  const count = activeFilterCount(view.filters);

  return (
    <div className="flex flex-wrap items-center gap-2 px-4 pb-3 sm:px-6">
      <div className="relative w-56">
        <Search
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-zinc-400"
        />
        <input
          ref={searchRef}
          type="search"
          aria-label="Search features"
          placeholder="Search features…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="peer h-8 w-full rounded-md border border-zinc-300 bg-white pr-7 pl-8 text-[13px] shadow-xs placeholder:text-zinc-400 hover:border-zinc-400 focus:border-accent-500 focus:ring-3 focus:ring-accent-500/20 focus:outline-none"
        />
        {text ? null : (
          <span
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border border-zinc-200 bg-zinc-50 px-1.5 font-sans text-[11px] text-zinc-500 peer-focus:hidden"
          >
            /
          </span>
        )}
      </div>
      <Select
        density="sm"
        aria-label="Release"
        className="w-40"
        value={view.filters.releaseId ?? ''}
        onChange={(e) => setFilter('releaseId', e.target.value)}
      >
        <option value="">All releases</option>
        {releases.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </Select>
      <Select
        density="sm"
        aria-label="Initiative"
        className="w-44"
        value={view.filters.initiativeId ?? ''}
        onChange={(e) => setFilter('initiativeId', e.target.value)}
      >
        <option value="">All initiatives</option>
        {initiatives.map((i) => {
          const other = workspaceName(i.workspaceId);
          return (
            <option key={i.id} value={i.id}>
              {other ? `${i.name} (${other})` : i.name}
            </option>
          );
        })}
      </Select>
      <Select
        density="sm"
        aria-label="Assignee"
        className="w-40"
        value={view.filters.assigneeId ?? ''}
        onChange={(e) => setFilter('assigneeId', e.target.value)}
      >
        <option value="">Anyone</option>
        {members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </Select>
      <Select
        density="sm"
        aria-label="Tag"
        className="w-32"
        value={view.filters.tag ?? ''}
        onChange={(e) => setFilter('tag', e.target.value)}
      >
        <option value="">Any tag</option>
        {tags.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </Select>
      {showSync || view.sync ? (
        <Select
          density="sm"
          aria-label="Sync"
          className="w-40"
          value={view.sync ?? ''}
          onChange={(e) =>
            onChange((v) => ({
              ...v,
              sync: e.target.value === '' ? undefined : (e.target.value as SyncFilter),
            }))
          }
        >
          <option value="">Any sync state</option>
          <option value="attention">Needs attention</option>
          <option value="unsent">Not sent yet</option>
        </Select>
      ) : null}
      {count > 0 || view.filters.q || view.sync ? (
        <button
          type="button"
          onClick={() => onChange((v) => ({ ...v, filters: {}, sync: undefined }))}
          className="inline-flex h-8 items-center gap-1 rounded-md px-2 text-[13px] text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
        >
          <X className="size-3.5" aria-hidden="true" />
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
