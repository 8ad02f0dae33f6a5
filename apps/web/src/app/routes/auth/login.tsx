import type { QueryClient } from '@tanstack/react-query';
import { type LoaderFunctionArgs, redirect, useNavigate, useSearchParams } from 'react-router';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { Card, CardContent } from '@/components/ui/card';
import { paths, safeNextPath } from '@/config/paths';
import { getSessionQueryOptions } from '@/features/auth/api/get-session';
import { LoginForm } from '@/features/auth/components/login-form';
import { primeQuery } from '@/lib/query';

/** Already signed in: go where you were headed. */
export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const session = await primeQuery(queryClient, getSessionQueryOptions());
    if (!session) return null;
    const next = safeNextPath(new URL(request.url).searchParams.get('next'));
    return redirect(next ?? paths.home.getHref());
  };

export default function LoginRoute() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));

  return (
    <AuthLayout
      title="Sign in to Tandem"
      description="Plan the roadmap here; your teams keep working in their development tools."
      footer="Trouble signing in? Ask a workspace owner to reset your password."
    >
      <title>Sign in · Tandem</title>
      <Card>
        <CardContent className="py-6">
          <LoginForm onSuccess={() => navigate(next ?? paths.home.getHref(), { replace: true })} />
        </CardContent>
      </Card>
    </AuthLayout>
  );
}
