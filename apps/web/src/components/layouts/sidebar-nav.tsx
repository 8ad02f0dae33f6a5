import { clsx } from 'clsx';
import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

export function SidebarNavSection({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="mb-4">
      {title ? (
        <h2 className="mb-1 px-2 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">
          {title}
        </h2>
      ) : null}
      <ul className="space-y-0.5">{children}</ul>
    </div>
  );
}

export function SidebarNavLink({
  to,
  icon: Icon,
  children,
}: {
  to: string;
  icon: LucideIcon;
  children: ReactNode;
}) {
  return (
    <li>
      <NavLink
        to={to}
        className={({ isActive }) =>
          clsx(
            'group flex h-8 items-center gap-2.5 rounded-md px-2 text-sm font-medium transition-colors',
            isActive
              ? 'bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-200/80'
              : 'text-zinc-600 hover:bg-zinc-200/50 hover:text-zinc-900',
          )
        }
      >
        {({ isActive }) => (
          <>
            <Icon
              aria-hidden="true"
              strokeWidth={1.75}
              className={clsx(
                'size-4',
                isActive ? 'text-accent-600' : 'text-zinc-400 group-hover:text-zinc-600',
              )}
            />
            {children}
          </>
        )}
      </NavLink>
    </li>
  );
}
