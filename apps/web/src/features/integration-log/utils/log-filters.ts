/** The log page's filters, all kept in the URL so a link (e.g. from a failed send) opens them. */
export interface LogFilters {
  levels: LogLevel[];
  event: string;
  q: string;
  recordType: string;
  recordId: string;
  /** The record's reference (APP-12), only to name the record filter on screen. */
  recordRef: string;
  /** An entry to open and scroll to; not a filter of the list. */
  entry: number | null;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Shown by default: what a person acts on. `debug` is every successful HTTP call. */
export const DEFAULT_LEVELS: LogLevel[] = ['info', 'warn', 'error'];

const isLevel = (v: string): v is LogLevel => (LOG_LEVELS as readonly string[]).includes(v);

export function parseLogFilters(params: URLSearchParams): LogFilters {
  const levelParam = params.get('level');
  const levels =
    levelParam === null ? DEFAULT_LEVELS : [...new Set(levelParam.split(',').filter(isLevel))];
  const entry = Number(params.get('entry'));
  return {
    levels: LOG_LEVELS.filter((l) => levels.includes(l)),
    event: params.get('event') ?? '',
    q: params.get('q') ?? '',
    recordType: params.get('recordType') ?? '',
    recordId: params.get('recordId') ?? '',
    recordRef: params.get('recordId') ? (params.get('ref') ?? '') : '',
    entry: Number.isInteger(entry) && entry > 0 ? entry : null,
  };
}

/** Back to URL parameters; defaults are left out so the plain page has a plain URL. */
export function toSearchParams(filters: LogFilters): URLSearchParams {
  const params = new URLSearchParams();
  const levels = LOG_LEVELS.filter((l) => filters.levels.includes(l));
  if (levels.join(',') !== DEFAULT_LEVELS.join(',')) params.set('level', levels.join(','));
  if (filters.event) params.set('event', filters.event);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.recordId) {
    if (filters.recordType) params.set('recordType', filters.recordType);
    params.set('recordId', filters.recordId);
    if (filters.recordRef) params.set('ref', filters.recordRef);
  }
  if (filters.entry) params.set('entry', String(filters.entry));
  return params;
}

/** The BFF's query for one page of the log (`before` pages back to older entries). */
export function toLogQuery(filters: LogFilters, before: number | null, limit = 50) {
  const query: Record<string, string> = { limit: String(limit) };
  // No level ticked shows nothing useful; ask for every level instead of an empty list.
  query.level = (filters.levels.length ? filters.levels : LOG_LEVELS).join(',');
  if (filters.event) query.event = filters.event;
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.recordId) {
    query.recordId = filters.recordId;
    if (filters.recordType) query.recordType = filters.recordType;
  }
  if (before) query.before = String(before);
  return query;
}
