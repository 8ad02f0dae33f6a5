import {
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { arrayMove, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { Feature } from '@tandem/contracts';
import { useMemo, useState } from 'react';
import type { BoardGrouping } from '../utils/board-filters';
import {
  columnOf,
  type DropNeighbours,
  moveBetweenColumns,
  neighboursOf,
} from '../utils/drop-position';
import { type BoardColumn, groupFeatures } from '../utils/group-features';

type Columns = Record<string, string[]>;

export interface BoardDrop {
  feature: Feature;
  toColumn: string;
  neighbours: DropNeighbours;
}

function overColumnOf(columns: Columns, event: DragOverEvent | DragEndEvent): string | null {
  const { over } = event;
  if (!over) return null;
  const data = over.data.current as { type?: string; columnId?: string } | undefined;
  if (data?.type === 'column' && data.columnId) return data.columnId;
  return columnOf(columns, String(over.id));
}

/**
 * The drag-and-drop state of the board: columns are re-arranged locally while a card moves (so
 * the gap follows the pointer or the arrow keys) and `onDrop` gets the final column and the two
 * neighbours. A drop where the card started is not a move.
 */
export function useBoardDnd({
  features,
  columns,
  groupBy,
  onDrop,
}: {
  features: readonly Feature[];
  columns: readonly BoardColumn[];
  groupBy: BoardGrouping;
  onDrop: (drop: BoardDrop) => void;
}) {
  const grouped = useMemo(
    () => groupFeatures(features, columns, groupBy),
    [features, columns, groupBy],
  );
  const byId = useMemo(() => new Map(features.map((f) => [f.id, f])), [features]);
  const [dragColumns, setDragColumns] = useState<Columns | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const current = dragColumns ?? grouped;

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const reset = () => {
    setActiveId(null);
    setDragColumns(null);
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    setActiveId(String(active.id));
    setDragColumns(grouped);
  };

  const onDragOver = (event: DragOverEvent) => {
    const id = String(event.active.id);
    const from = columnOf(current, id);
    const to = overColumnOf(current, event);
    if (!from || !to || from === to) return;
    const target = current[to] ?? [];
    const overIndex = target.indexOf(String(event.over?.id));
    setDragColumns(
      moveBetweenColumns(current, id, to, overIndex === -1 ? target.length : overIndex),
    );
  };

  const onDragEnd = (event: DragEndEvent) => {
    const id = String(event.active.id);
    const feature = byId.get(id);
    const to = overColumnOf(current, event);
    if (!feature || !to) return reset();
    let ids = current[to] ?? [];
    const overIndex = ids.indexOf(String(event.over?.id));
    const activeIndex = ids.indexOf(id);
    if (activeIndex !== -1 && overIndex !== -1 && activeIndex !== overIndex) {
      ids = arrayMove(ids, activeIndex, overIndex);
    }
    const from = columnOf(grouped, id);
    const unchanged = from === to && (grouped[to] ?? []).join() === ids.join();
    if (!unchanged && ids.includes(id)) {
      onDrop({ feature, toColumn: to, neighbours: neighboursOf(ids, id) });
    }
    reset();
  };

  const announcements = useMemo<Announcements>(() => {
    const label = (id: UniqueIdentifier) => {
      const f = byId.get(String(id));
      return f ? `${f.referenceNum} ${f.name}` : 'feature';
    };
    const where = (overId: UniqueIdentifier | undefined, columnsNow: Columns) => {
      if (overId === undefined) return 'outside the board';
      const raw = String(overId);
      const columnId = raw.startsWith('column:') ? raw.slice(7) : columnOf(columnsNow, raw);
      const column = columns.find((c) => c.id === columnId);
      if (!column || !columnId) return 'outside the board';
      const ids = columnsNow[columnId] ?? [];
      const index = ids.indexOf(raw);
      return index === -1
        ? `in ${column.name}`
        : `in ${column.name}, position ${index + 1} of ${ids.length}`;
    };
    return {
      onDragStart: ({ active }) => `Picked up ${label(active.id)}, ${where(active.id, grouped)}.`,
      onDragOver: ({ active, over }) =>
        over
          ? `${label(active.id)} is now ${where(over.id, current)}.`
          : `${label(active.id)} is outside the board.`,
      onDragEnd: ({ active, over }) =>
        over
          ? `Dropped ${label(active.id)} ${where(over.id, current)}.`
          : `Dropped ${label(active.id)}; it did not move.`,
      onDragCancel: ({ active }) => `Cancelled. ${label(active.id)} went back where it was.`,
    };
  }, [byId, columns, grouped, current]);

  return {
    columnIds: current,
    grouped,
    activeFeature: activeId ? byId.get(activeId) : undefined,
    sensors,
    handlers: { onDragStart, onDragOver, onDragEnd, onDragCancel: reset },
    accessibility: {
      announcements,
      screenReaderInstructions: {
        draggable:
          'To move a feature, press Space or Enter. Use the arrow keys to move it between columns and up or down within one. Press Space or Enter again to drop it, or Escape to cancel.',
      },
    },
  };
}
