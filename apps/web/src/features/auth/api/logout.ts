import {
  mutationOptions,
  type QueryClient,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api-client';
import { sessionQueryKey } from './get-session';

/** Ends the session on the server. A 401 means it had already ended, which is what we wanted. */
export async function logout(): Promise<void> {
  try {
    await api.rpc.auth.logout.$post();
  } catch (error) {
    if (!(isApiError(error) && error.status === 401)) throw error;
  }
}

/**
 * Signed out: forget the CSRF token and every cached answer, and mark the session empty. The
 * shell reacts to the empty session by going to the login page.
 */
function forgetSession(queryClient: QueryClient) {
  api.setCsrfToken(null);
  queryClient.setQueryData(sessionQueryKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
}

export const logoutMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: ['auth', 'logout'],
    mutationFn: logout,
    onSuccess: () => forgetSession(queryClient),
  });

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation(logoutMutationOptions(queryClient));
}
