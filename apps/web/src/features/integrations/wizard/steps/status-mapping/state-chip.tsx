import { useDraggable } from '@dnd-kit/core';
import { clsx } from 'clsx';
import { ArrowRightLeft, GripVertical } from 'lucide-react';
import { Menu, MenuButton, MenuItemRadio, MenuLabel, MenuList } from '@/components/ui/menu';
import { stateDragId } from './hooks/use-status-board-dnd';

export interface ZoneChoice {
  id: string;
  label: string;
}

/**
 * One state of the remote's workflow: drag it (mouse, or Space and the arrow keys), or use *Move to…* to pick its
 * Tandem status from a list.
 */
export function StateChip({
  remoteName,
  state,
  zone,
  choices,
  onMove,
  dragging,
}: {
  /** The system's display name, as in "<name> state Done". */
  remoteName: string;
  state: string;
  zone: string;
  choices: ZoneChoice[];
  onMove: (to: string) => void;
  dragging: boolean;
}) {
  const { attributes, listeners, setNodeRef } = useDraggable({ id: stateDragId(state) });
  return (
    <li
      className={clsx(
        'flex items-center rounded-md border border-zinc-300 bg-white text-sm shadow-xs',
        dragging && 'opacity-40',
      )}
    >
      <button
        ref={setNodeRef}
        type="button"
        {...attributes}
        {...listeners}
        aria-roledescription={`${remoteName} state`}
        aria-label={`${remoteName} state ${state}`}
        className="flex cursor-grab touch-none items-center gap-1 py-1 pr-2 pl-1 font-medium text-zinc-800 select-none active:cursor-grabbing"
      >
        <GripVertical className="size-3.5 text-zinc-400" aria-hidden="true" />
        {state}
      </button>
      <Menu>
        <MenuButton
          aria-label={`Move ${state} to…`}
          className="flex h-full items-center border-l border-zinc-200 px-1.5 py-1.5 text-zinc-500 hover:bg-zinc-50 hover:text-zinc-800"
        >
          <ArrowRightLeft className="size-3.5" aria-hidden="true" />
        </MenuButton>
        <MenuList placement="bottom-end" label={`Move ${state} to`}>
          <MenuLabel>{`Move ${state} to`}</MenuLabel>
          {choices.map((choice) => (
            <MenuItemRadio
              key={choice.id}
              checked={choice.id === zone}
              onSelect={() => onMove(choice.id)}
            >
              {choice.label}
            </MenuItemRadio>
          ))}
        </MenuList>
      </Menu>
    </li>
  );
}
