import { CircleAlert } from 'lucide-react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { NotFoundContent } from './not-found';

/** A route failed to load or render: say so plainly and offer a way on. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundContent />;
  if (!isApiError(error)) console.error(error);

  const message = isApiError(error)
    ? error.message
    : 'An unexpected error stopped this page from loading.';

  return (
    <div className="flex min-h-[60dvh] flex-col items-center justify-center px-6 py-16 text-center">
      <div className="mb-4 flex size-11 items-center justify-center rounded-xl bg-red-50 text-red-600 ring-1 ring-red-100">
        <CircleAlert className="size-5" aria-hidden="true" />
      </div>
      <h1 className="text-lg font-semibold text-zinc-900">Something went wrong</h1>
      <p className="mt-1.5 max-w-md text-sm text-zinc-500">{message}</p>
      <div className="mt-6 flex gap-2">
        <Button variant="primary" onClick={() => window.location.reload()}>
          Reload
        </Button>
        <Link
          to={paths.home.getHref()}
          className="inline-flex h-8 items-center rounded-md px-3 text-sm font-medium text-zinc-700 hover:bg-zinc-100"
        >
          Go home
        </Link>
      </div>
    </div>
  );
}
