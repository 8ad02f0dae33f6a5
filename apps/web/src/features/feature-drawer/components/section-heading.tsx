import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

export function SectionHeading({
  id,
  icon: Icon,
  count,
  action,
  children,
}: {
  id: string;
  icon: LucideIcon;
  count?: string | undefined;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="mb-2 flex items-center gap-2">
      <Icon className="size-4 text-zinc-400" aria-hidden="true" />
      <h3 id={id} className="text-[13px] font-semibold text-zinc-800">
        {children}
      </h3>
      {count ? <span className="text-[12px] text-zinc-500 tabular-nums">{count}</span> : null}
      {action ? <div className="ml-auto">{action}</div> : null}
    </div>
  );
}
