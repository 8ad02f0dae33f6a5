import type { ReactNode } from 'react';
import { LogoMark } from '@/components/ui/logo';

/** Signed-out pages: the logo, a title, and one card in the middle of a quiet background. */
export function AuthLayout({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="relative flex min-h-dvh flex-col items-center justify-center overflow-hidden bg-zinc-50 px-4 py-12">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 h-80 bg-[radial-gradient(60%_100%_at_50%_0%,var(--color-accent-100),transparent)]"
      />
      <main className="relative w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <LogoMark className="mb-5 size-10 shadow-sm shadow-accent-600/30 rounded-[10px]" />
          <h1 className="text-xl font-semibold tracking-tight text-zinc-900">{title}</h1>
          {description ? <p className="mt-1.5 text-sm text-zinc-500">{description}</p> : null}
        </div>
        {children}
        {footer ? <div className="mt-6 text-center text-[13px] text-zinc-500">{footer}</div> : null}
      </main>
    </div>
  );
}
