import { useDroppable } from '@dnd-kit/core';
import { clsx } from 'clsx';
import type { ReactNode } from 'react';

/** Where the remote's states can be dropped: the right-hand side of a roadmap status row. */
export function DropZone({
  id,
  label,
  empty,
  tone = 'default',
  children,
}: {
  id: string;
  label: string;
  empty: string;
  tone?: 'default' | 'warning';
  children: ReactNode[];
}) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <ul
      ref={setNodeRef}
      aria-label={label}
      className={clsx(
        'flex min-h-12 flex-wrap items-center gap-2 rounded-lg border-2 border-dashed px-2.5 py-2 transition-colors',
        isOver
          ? 'border-accent-500 bg-accent-50'
          : tone === 'warning' && children.length > 0
            ? 'border-amber-300 bg-amber-50/60'
            : 'border-zinc-200 bg-white',
      )}
    >
      {children.length === 0 ? <li className="text-[13px] text-zinc-500">{empty}</li> : children}
    </ul>
  );
}
