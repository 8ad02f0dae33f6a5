import { type LoginRequest, type Session, sessionSchema } from '@tandem/contracts';
import {
  mutationOptions,
  type QueryClient,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sessionQueryKey } from './get-session';

export async function login(input: LoginRequest): Promise<Session> {
  const session = await api.read(api.rpc.auth.login.$post({ json: input }), sessionSchema);
  api.setCsrfToken(session.csrfToken);
  return session;
}

export const loginMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: ['auth', 'login'],
    mutationFn: login,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });

export function useLogin(options: { onSuccess?: (session: Session) => void } = {}) {
  const queryClient = useQueryClient();
  const base = loginMutationOptions(queryClient);
  return useMutation({
    ...base,
    onSuccess: (session, ...rest) => {
      base.onSuccess?.(session, ...rest);
      options.onSuccess?.(session);
    },
  });
}
