import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type LogFilters, parseLogFilters, toSearchParams } from '../utils/log-filters';

/** The log's filters, read from and written to the URL (replacing history while typing). */
export function useLogFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseLogFilters(params), [params]);
  const setFilters = useCallback(
    (change: Partial<LogFilters>) =>
      setParams((prev) => toSearchParams({ ...parseLogFilters(prev), entry: null, ...change }), {
        replace: true,
      }),
    [setParams],
  );
  return { filters, setFilters };
}
