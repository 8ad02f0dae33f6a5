import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { clsx } from 'clsx';
import { Plus } from 'lucide-react';
import type { ReactNode } from 'react';
import { StatusDot } from '@/components/roadmap/status-dot';
import type { BoardColumn as Column } from '../utils/group-features';

export const columnDropId = (columnId: string) => `column:${columnId}`;

/** One column: a header with the count and "+", then its cards, sortable and droppable. */
export function BoardColumn({
  column,
  ids,
  onAdd,
  canEdit,
  emptyText,
  selectedCount = 0,
  onSelectAll,
  children,
}: {
  column: Column;
  ids: string[];
  onAdd: (columnId: string) => void;
  canEdit: boolean;
  /** What an empty column says ("Drop features here", or that nothing matches the filters). */
  emptyText: string;
  /** How many of the column's cards are selected; with `onSelectAll`, a select-all box shows. */
  selectedCount?: number;
  onSelectAll?: (() => void) | undefined;
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({
    id: columnDropId(column.id),
    data: { type: 'column', columnId: column.id },
  });
  const headingId = `column-${column.id}`;

  return (
    <section
      aria-labelledby={headingId}
      data-column={column.name}
      className="relative flex max-h-full w-[17.5rem] shrink-0 flex-col rounded-xl bg-zinc-100/70"
    >
      <header className="flex h-10 items-center gap-2 px-3">
        {canEdit && onSelectAll && ids.length > 0 ? (
          <input
            type="checkbox"
            aria-label={`Select all in ${column.name}`}
            checked={selectedCount === ids.length}
            ref={(el) => {
              if (el) el.indeterminate = selectedCount > 0 && selectedCount < ids.length;
            }}
            onChange={onSelectAll}
            className="size-3.5 shrink-0 cursor-pointer rounded border-zinc-300 accent-accent-600"
          />
        ) : null}
        {column.color !== undefined ? <StatusDot color={column.color} /> : null}
        <h2 id={headingId} className="truncate text-[13px] font-semibold text-zinc-800">
          {column.name}
        </h2>
        <span className="text-[12px] text-zinc-500 tabular-nums">
          {ids.length}
          <span className="sr-only"> features</span>
        </span>
        {column.hint ? (
          <span className="truncate text-[11px] text-zinc-500">{column.hint}</span>
        ) : null}
        {canEdit ? (
          <button
            type="button"
            onClick={() => onAdd(column.id)}
            aria-label={`New feature in ${column.name}`}
            className="ml-auto flex size-6 items-center justify-center rounded-md text-zinc-400 hover:bg-zinc-200/80 hover:text-zinc-700"
          >
            <Plus className="size-4" aria-hidden="true" />
          </button>
        ) : null}
      </header>
      <SortableContext id={column.id} items={ids} strategy={verticalListSortingStrategy}>
        <ul
          ref={setNodeRef}
          aria-labelledby={headingId}
          className={clsx(
            'flex min-h-24 flex-1 flex-col gap-2 overflow-y-auto rounded-b-xl px-2 pb-2 transition-colors',
            isOver && ids.length === 0 && 'bg-accent-50 ring-2 ring-accent-200 ring-inset',
          )}
        >
          {children}
          {ids.length === 0 ? (
            <li className="flex h-20 items-center justify-center rounded-lg border border-dashed border-zinc-300 text-[12px] text-zinc-500">
              {emptyText}
            </li>
          ) : null}
        </ul>
      </SortableContext>
    </section>
  );
}
