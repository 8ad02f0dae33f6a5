import type { ReactNode } from 'react';

/** A page inside the shell: a header with the title and optional actions, then the content. */
export function ContentLayout({
  title,
  description,
  breadcrumb,
  actions,
  children,
}: {
  title: string;
  description?: string;
  breadcrumb?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-8 sm:py-8">
      <header className="mb-6 flex flex-wrap items-end justify-between gap-4 border-b border-zinc-100 pb-5">
        <div className="min-w-0">
          {breadcrumb ? <p className="mb-1 text-[13px] text-zinc-500">{breadcrumb}</p> : null}
          <h1 className="text-xl font-semibold tracking-tight text-zinc-900">{title}</h1>
          {description ? <p className="mt-1 text-sm text-zinc-500">{description}</p> : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </header>
      {children}
    </div>
  );
}
