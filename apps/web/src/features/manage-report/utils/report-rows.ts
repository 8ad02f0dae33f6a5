import type { IntegrationReportRow, IntegrationState } from '@tandem/contracts';

export const SORT_KEYS = [
  'workspace',
  'name',
  'system',
  'account',
  'project',
  'template',
  'state',
  'lastSync',
  'linked',
  'errors',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ReportView {
  q: string;
  state: IntegrationState | '';
  system: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
}

/** The view lives in the URL, so a filtered, sorted report can be bookmarked and shared. */
export function viewFromSearch(params: URLSearchParams): ReportView {
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    state: (params.get('state') ?? '') as ReportView['state'],
    system: params.get('system') ?? '',
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : 'workspace',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

export function searchFromView(view: ReportView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  if (view.state) params.set('state', view.state);
  if (view.system) params.set('system', view.system);
  if (view.sort !== 'workspace') params.set('sort', view.sort);
  if (view.dir === 'desc') params.set('dir', 'desc');
  return params;
}

const sortValue = (row: IntegrationReportRow, key: SortKey): string | number => {
  switch (key) {
    case 'workspace':
      return `${row.workspace.name}\u0000${row.name}`;
    case 'name':
      return row.name;
    case 'system':
      return row.system;
    case 'account':
      return row.accountUrl ?? '';
    case 'project':
      return `${row.remoteWorkspace ?? ''}/${row.remoteProject ?? ''}`;
    case 'template':
      return row.template?.name ?? '';
    case 'state':
      return row.state;
    case 'lastSync':
      return row.lastSyncAt ?? '';
    case 'linked':
      return row.linkedRecords;
    case 'errors':
      return row.errors;
  }
};

export function applyView(rows: IntegrationReportRow[], view: ReportView): IntegrationReportRow[] {
  const q = view.q.trim().toLowerCase();
  const kept = rows.filter(
    (r) =>
      (!view.state || r.state === view.state) &&
      (!view.system || r.system === view.system) &&
      (!q ||
        [
          r.name,
          r.workspace.name,
          r.accountUrl,
          r.remoteProject,
          r.remoteWorkspace,
          r.template?.name,
        ]
          .filter(Boolean)
          .some((v) => String(v).toLowerCase().includes(q))),
  );
  const sign = view.dir === 'asc' ? 1 : -1;
  return [...kept].sort((a, b) => {
    const x = sortValue(a, view.sort);
    const y = sortValue(b, view.sort);
    const c =
      typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c * sign;
  });
}
