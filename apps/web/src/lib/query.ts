import {
  MutationCache,
  QueryCache,
  type QueryClient,
  type QueryExecuteOptions,
  type QueryKey,
  QueryClient as TanstackQueryClient,
} from '@tanstack/react-query';
import { isApiError } from './api-client';

/** Client errors (4xx) will not change on retry; network blips and 5xx get two more tries. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export interface QueryClientHooks {
  /** Any query or mutation got a 401: the session ended while the page was open. */
  onUnauthenticated?: () => void;
}

export function createQueryClient(hooks: QueryClientHooks = {}): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 401) hooks.onUnauthenticated?.();
  };
  return new TanstackQueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}

/**
 * Primes the cache from a route loader: cached data when there is any, one fetch otherwise.
 * TanStack Query 5.10x deprecates `ensureQueryData`/`fetchQuery` in favour of `query()`; this is
 * the one place that knows which to call. Components then read the same key with a hook.
 */
export async function primeQuery<TData, TKey extends QueryKey>(
  queryClient: QueryClient,
  options: QueryExecuteOptions<TData, Error, TData, TData, TKey>,
): Promise<TData> {
  const cached = queryClient.getQueryData<TData>(options.queryKey);
  if (cached !== undefined) return cached;
  return queryClient.query(options);
}
