import { clsx } from 'clsx';
import { Menu as MenuIcon, X } from 'lucide-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { Logo } from '@/components/ui/logo';
import { NavigationProgress } from './navigation-progress';

/**
 * The signed-in frame: a left sidebar (switcher on top, navigation, user menu at the bottom) and
 * the page. Below `md` the sidebar becomes a drawer opened from a top bar.
 */
export function AppShell({
  switcher,
  navigation,
  userMenu,
  children,
}: {
  switcher: ReactNode;
  navigation: ReactNode;
  userMenu: ReactNode;
  children: ReactNode;
}) {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();

  // A navigation closes the drawer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every path change on purpose
  useEffect(() => setDrawerOpen(false), [pathname]);

  useEffect(() => {
    if (!drawerOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDrawerOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawerOpen]);

  const sidebar = (
    <div className="flex h-full flex-col">
      <div className="flex h-12 items-center px-4">
        <Logo size="sm" />
      </div>
      <div className="px-3 pb-2">{switcher}</div>
      <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-2">
        {navigation}
      </nav>
      <div className="border-t border-zinc-200/80 p-3">{userMenu}</div>
    </div>
  );

  return (
    <div className="flex min-h-dvh bg-white">
      <NavigationProgress />
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>

      <aside
        aria-label="Sidebar"
        className="sticky top-0 hidden h-dvh w-60 shrink-0 border-r border-zinc-200/80 bg-zinc-50 md:block"
      >
        {sidebar}
      </aside>

      {drawerOpen ? (
        <div className="fixed inset-0 z-40 md:hidden">
          <button
            type="button"
            aria-label="Close navigation"
            className="absolute inset-0 bg-zinc-900/30"
            onClick={() => setDrawerOpen(false)}
          />
          <aside
            aria-label="Sidebar"
            className="absolute inset-y-0 left-0 w-72 border-r border-zinc-200 bg-zinc-50 shadow-xl"
          >
            <button
              type="button"
              aria-label="Close navigation"
              onClick={() => setDrawerOpen(false)}
              className="absolute top-3.5 -right-11 flex size-8 items-center justify-center rounded-md bg-white text-zinc-600 shadow"
            >
              <X className="size-4" aria-hidden="true" />
            </button>
            {sidebar}
          </aside>
        </div>
      ) : null}

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-12 items-center gap-2 border-b border-zinc-200/80 bg-white/90 px-3 backdrop-blur md:hidden">
          <button
            type="button"
            aria-label="Open navigation"
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
            className="flex size-8 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100"
          >
            <MenuIcon className="size-4" aria-hidden="true" />
          </button>
          <Logo />
        </header>
        <main id="main" tabIndex={-1} className={clsx('flex-1 outline-none')}>
          {children}
        </main>
      </div>
    </div>
  );
}
