import { Compass } from 'lucide-react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';

export function NotFoundContent({
  title = 'Page not found',
  description = 'The page you were looking for does not exist or has moved.',
}: {
  title?: string;
  description?: string;
}) {
  return (
    <div className="flex min-h-[60dvh] flex-col items-center justify-center px-6 py-16 text-center">
      <title>{`${title} · Tandem`}</title>
      <div className="mb-4 flex size-11 items-center justify-center rounded-xl border border-zinc-200 bg-white text-zinc-500 shadow-xs">
        <Compass className="size-5" aria-hidden="true" strokeWidth={1.75} />
      </div>
      <p className="text-xs font-semibold tracking-wide text-accent-600 uppercase">404</p>
      <h1 className="mt-1 text-lg font-semibold text-zinc-900">{title}</h1>
      <p className="mt-1.5 max-w-md text-sm text-zinc-500">{description}</p>
      <Link
        to={paths.home.getHref()}
        className="mt-6 inline-flex h-8 items-center rounded-md border border-zinc-200 bg-white px-3 text-sm font-medium text-zinc-800 shadow-xs hover:bg-zinc-50"
      >
        Back to Tandem
      </Link>
    </div>
  );
}

export default function NotFoundRoute() {
  return (
    <main className="min-h-dvh bg-zinc-50">
      <NotFoundContent />
    </main>
  );
}
