import type { FeatureListFilters } from '@/api/roadmap/get-features';

export type BoardGrouping = 'status' | 'release';

/** Sync filters, applied on the board: cards someone must act on, or never sent anywhere. */
export type SyncFilter = 'attention' | 'unsent';
const SYNC_FILTERS: readonly SyncFilter[] = ['attention', 'unsent'];

/** What the board shows, all of it in the URL so a link or a reload shows the same board. */
export interface BoardView {
  groupBy: BoardGrouping;
  filters: FeatureListFilters;
  sync?: SyncFilter | undefined;
}

/** URL parameter ↔ filter; the short names keep shared links readable. */
const PARAMS = {
  q: 'q',
  releaseId: 'release',
  initiativeId: 'initiative',
  assigneeId: 'assignee',
  tag: 'tag',
} as const satisfies Record<string, string>;

type FilterKey = keyof typeof PARAMS;
const FILTER_KEYS = Object.keys(PARAMS) as FilterKey[];

export function boardViewFromSearchParams(params: URLSearchParams): BoardView {
  const filters: FeatureListFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(PARAMS[key])?.trim();
    if (value) filters[key] = key === 'q' ? value.slice(0, 200) : value;
  }
  const sync = SYNC_FILTERS.find((f) => f === params.get('sync'));
  return {
    groupBy: params.get('group') === 'release' ? 'release' : 'status',
    filters,
    ...(sync ? { sync } : {}),
  };
}

/**
 * Writes the view into `base` (other parameters, e.g. a selected feature, are kept); defaults are
 * left out so the plain board has a plain URL.
 */
export function boardViewToSearchParams(
  view: BoardView,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const key of FILTER_KEYS) {
    const value = view.filters[key]?.trim();
    if (value) next.set(PARAMS[key], value);
    else next.delete(PARAMS[key]);
  }
  if (view.sync) next.set('sync', view.sync);
  else next.delete('sync');
  if (view.groupBy === 'release') next.set('group', 'release');
  else next.delete('group');
  return next;
}

export function activeFilterCount(filters: FeatureListFilters): number {
  return FILTER_KEYS.filter((key) => key !== 'q' && filters[key]).length;
}
