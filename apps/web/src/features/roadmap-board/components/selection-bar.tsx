import type { WorkflowStatus } from '@tandem/contracts';
import { ArrowRightLeft, X } from 'lucide-react';
import type { ReactNode } from 'react';
import { StatusDot } from '@/components/roadmap/status-dot';
import { Menu, MenuButton, MenuItem, MenuLabel, MenuList } from '@/components/ui/menu';

/**
 * Floats over the board while features are selected: the count, bulk actions, and a way out.
 * `extraActions` is where integrations add "Send to <integration>" later.
 */
export function SelectionBar({
  count,
  statuses,
  busy,
  onMoveToStatus,
  onClear,
  extraActions,
}: {
  count: number;
  statuses: readonly WorkflowStatus[];
  busy: boolean;
  onMoveToStatus: (statusId: string) => void;
  onClear: () => void;
  extraActions?: ReactNode;
}) {
  if (count === 0) return null;
  return (
    <section
      aria-label="Selection"
      className="fixed bottom-5 left-1/2 z-40 flex -translate-x-1/2 items-center gap-1 rounded-xl border border-zinc-800 bg-zinc-900 py-1.5 pr-1.5 pl-4 text-sm text-white shadow-2xl shadow-zinc-900/30 md:ml-30"
    >
      <p className="mr-2 font-medium tabular-nums" aria-live="polite">
        {count} selected
      </p>
      <Menu>
        <MenuButton
          disabled={busy}
          className="inline-flex h-8 items-center gap-1.5 rounded-lg px-3 text-[13px] font-medium text-zinc-100 hover:bg-white/10 aria-expanded:bg-white/10 disabled:opacity-50"
        >
          <ArrowRightLeft className="size-3.5" aria-hidden="true" />
          Move to status…
        </MenuButton>
        <MenuList placement="top-start" label="Move to status" className="text-zinc-900">
          <MenuLabel>Move {count} to</MenuLabel>
          {statuses.map((s) => (
            <MenuItem
              key={s.id}
              onSelect={() => onMoveToStatus(s.id)}
              icon={<StatusDot color={s.color} category={s.category} />}
            >
              {s.name}
            </MenuItem>
          ))}
        </MenuList>
      </Menu>
      {extraActions}
      <span aria-hidden="true" className="mx-1 h-5 w-px bg-white/15" />
      <button
        type="button"
        onClick={onClear}
        aria-label="Clear selection"
        className="flex size-8 items-center justify-center rounded-lg text-zinc-400 hover:bg-white/10 hover:text-white"
      >
        <X className="size-4" aria-hidden="true" />
      </button>
    </section>
  );
}
