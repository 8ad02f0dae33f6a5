import { DndContext, DragOverlay } from '@dnd-kit/core';
import { GripVertical } from 'lucide-react';
import { useState } from 'react';
import { DropZone } from './drop-zone';
import { useStatusBoardDnd } from './hooks/use-status-board-dnd';
import { StateChip } from './state-chip';
import {
  type BoardColumns,
  moveState,
  type RoadmapStatusInfo,
  UNMAPPED,
} from './utils/status-board';

/**
 * Tandem's workflow on the left, the remote's states that mean each status on the right; the
 * last row holds the states nothing is mapped to yet.
 */
export function StatusBoard({
  remoteName,
  statuses,
  columns,
  stateOrder,
  onChange,
}: {
  /** The system's display name, as in "<name> states that mean it". */
  remoteName: string;
  statuses: RoadmapStatusInfo[];
  columns: BoardColumns;
  stateOrder: string[];
  onChange: (next: BoardColumns) => void;
}) {
  const [message, setMessage] = useState('');
  const order = [...statuses.map((s) => s.id), UNMAPPED];
  const labelOf = (zone: string) =>
    zone === UNMAPPED
      ? 'not mapped'
      : `mapped to ${statuses.find((s) => s.id === zone)?.name ?? 'a status'}`;
  const move = (state: string, to: string) => {
    onChange(moveState(columns, state, to, stateOrder));
  };
  const { active, contextProps } = useStatusBoardDnd({
    remoteName,
    columns,
    order,
    labelOf,
    onMove: move,
  });
  const choices = [
    ...statuses.map((s) => ({ id: s.id, label: s.name })),
    { id: UNMAPPED, label: 'Not mapped' },
  ];
  const moveByMenu = (state: string, to: string) => {
    move(state, to);
    setMessage(`${remoteName} state ${state} is now ${labelOf(to)}.`);
  };

  const chipsOf = (zone: string) =>
    (columns[zone] ?? []).map((state) => (
      <StateChip
        key={state}
        remoteName={remoteName}
        state={state}
        zone={zone}
        choices={choices}
        dragging={active === state}
        onMove={(to) => moveByMenu(state, to)}
      />
    ));

  return (
    <DndContext {...contextProps} autoScroll={false}>
      <div className="overflow-hidden rounded-xl border border-zinc-200">
        <div className="grid grid-cols-[minmax(10rem,14rem)_1fr] border-b border-zinc-200 bg-zinc-50 px-4 py-2 text-xs font-medium text-zinc-500">
          <span>Tandem status</span>
          <span>{`${remoteName} states that mean it`}</span>
        </div>
        <div className="divide-y divide-zinc-100">
          {statuses.map((status) => (
            <div
              key={status.id}
              className="grid grid-cols-[minmax(10rem,14rem)_1fr] items-center gap-3 px-4 py-2.5"
            >
              <span className="text-sm font-medium text-zinc-900">{status.name}</span>
              <DropZone
                id={status.id}
                label={`${remoteName} states mapped to ${status.name}`}
                empty={`Drop ${remoteName} states here`}
              >
                {chipsOf(status.id)}
              </DropZone>
            </div>
          ))}
          <div className="grid grid-cols-[minmax(10rem,14rem)_1fr] items-center gap-3 bg-zinc-50/60 px-4 py-2.5">
            <span className="text-sm font-medium text-amber-800">Not mapped yet</span>
            <DropZone
              id={UNMAPPED}
              label={`${remoteName} states not mapped`}
              empty={`Every ${remoteName} state is mapped`}
              tone="warning"
            >
              {chipsOf(UNMAPPED)}
            </DropZone>
          </div>
        </div>
      </div>
      <p aria-live="polite" className="sr-only">
        {message}
      </p>
      <DragOverlay>
        {active ? (
          <span className="flex items-center gap-1 rounded-md border border-accent-400 bg-white py-1 pr-2 pl-1 text-sm font-medium shadow-lg">
            <GripVertical className="size-3.5 text-zinc-400" aria-hidden="true" />
            {active}
          </span>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
