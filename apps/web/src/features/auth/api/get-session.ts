import { type Session, sessionSchema } from '@tandem/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api-client';

export const sessionQueryKey = ['auth', 'session'] as const;

/** The signed-in session, or `null` when nobody is signed in (the BFF answers 401). */
export async function getSession(): Promise<Session | null> {
  try {
    const session = await api.read(api.rpc.auth.session.$get(), sessionSchema);
    api.setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      api.setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const getSessionQueryOptions = () =>
  queryOptions({ queryKey: sessionQueryKey, queryFn: getSession, staleTime: 5 * 60_000 });

/** Reads the session a route loader primed; suspends only if it was not primed. */
export function useSession(): Session | null {
  return useSuspenseQuery(getSessionQueryOptions()).data;
}
