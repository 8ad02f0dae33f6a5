import type { QueryClient } from '@tanstack/react-query';
import { Building2 } from 'lucide-react';
import { redirect } from 'react-router';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { paths } from '@/config/paths';
import { getSessionQueryOptions } from '@/features/auth/api/get-session';
import { useLogout } from '@/features/auth/api/logout';
import { primeQuery } from '@/lib/query';

/** `/` sends you to your first workspace's features, or to the login page. */
export const clientLoader = (queryClient: QueryClient) => async () => {
  const session = await primeQuery(queryClient, getSessionQueryOptions());
  if (!session) return redirect(paths.auth.login.getHref());
  const first = session.workspaces[0];
  if (first) return redirect(paths.workspace.features.getHref(first.key));
  return null;
};

/** Only reached by someone who belongs to no workspace yet. */
export default function HomeRoute() {
  const logout = useLogout();
  return (
    <AuthLayout
      title="No workspace yet"
      description="You are signed in, but not a member of any workspace."
    >
      <title>No workspace · Tandem</title>
      <Card>
        <CardContent className="flex flex-col items-center gap-4 text-center">
          <Building2 className="size-6 text-zinc-400" aria-hidden="true" strokeWidth={1.75} />
          <p className="text-sm text-zinc-600">
            Ask a workspace owner to invite you. Once they have, reload this page.
          </p>
          <Button
            onClick={() =>
              logout.mutate(undefined, {
                onSuccess: () => window.location.assign(paths.auth.login.getHref()),
              })
            }
          >
            Log out
          </Button>
        </CardContent>
      </Card>
    </AuthLayout>
  );
}
