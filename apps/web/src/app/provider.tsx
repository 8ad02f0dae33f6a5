import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { sessionQueryKey } from '@/features/auth/api/get-session';
import { api } from '@/lib/api-client';
import { createQueryClient } from '@/lib/query';

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    const client = createQueryClient({
      // A 401 anywhere means the session is gone (expired, or logged out in another tab): empty
      // it, and the shell sends the person to the login page.
      onUnauthenticated: () => {
        api.setCsrfToken(null);
        client.setQueryData(sessionQueryKey, null);
      },
    });
    return client;
  });
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
