import {
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { useMemo, useRef, useState } from 'react';
import { type BoardColumns, containerOf, nextDropTarget } from '../utils/status-board';

export const stateDragId = (state: string) => `state:${state}`;
const stateOf = (id: string | number) => String(id).replace(/^state:/, '');

/** The pointer decides when it is over a zone; the keyboard places the state inside one. */
const collisions: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

/**
 * Drag and drop of the remote's states between the roadmap statuses, by mouse or keyboard (Space picks
 * up, ↑/↓ go from status to status, Space drops, Escape cancels), with every move announced.
 */
export function useStatusBoardDnd({
  remoteName,
  columns,
  order,
  labelOf,
  onMove,
}: {
  /** The system's display name, as in "<name> state Done". */
  remoteName: string;
  columns: BoardColumns;
  /** Drop zones top to bottom. */
  order: string[];
  labelOf: (zone: string) => string;
  onMove: (state: string, to: string) => void;
}) {
  const [active, setActive] = useState<string | null>(null);
  /** The zone the arrow keys reached: `over` lags behind fast key presses, this does not. */
  const keyboardZone = useRef<string | null>(null);

  const coordinateGetter: KeyboardCoordinateGetter = useMemo(
    () =>
      (event, { context, currentCoordinates }) => {
        const direction =
          event.code === 'ArrowDown' || event.code === 'ArrowRight'
            ? 'down'
            : event.code === 'ArrowUp' || event.code === 'ArrowLeft'
              ? 'up'
              : null;
        if (!direction) return undefined;
        event.preventDefault();
        const { active: dragged, droppableRects, collisionRect } = context;
        const current =
          keyboardZone.current ?? (dragged ? containerOf(columns, stateOf(dragged.id)) : null);
        const target = nextDropTarget(order, current, direction);
        const rect = target ? droppableRects.get(target) : undefined;
        if (!rect || !collisionRect) return currentCoordinates;
        keyboardZone.current = target;
        return {
          x: rect.left + 12,
          y: rect.top + (rect.height - collisionRect.height) / 2,
        };
      },
    [columns, order],
  );

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );

  const where = (state: string) => {
    const zone = containerOf(columns, state);
    return zone ? labelOf(zone) : 'nothing';
  };

  const announcements: Announcements = {
    onDragStart: ({ active: a }) =>
      `Picked up ${remoteName} state ${stateOf(a.id)}, now ${where(stateOf(a.id))}. Use the up and down arrow keys to move it to a Tandem status, Space to drop it, Escape to cancel.`,
    onDragOver: ({ active: a, over }) =>
      over
        ? `${remoteName} state ${stateOf(a.id)} is over ${labelOf(String(over.id))}.`
        : `${remoteName} state ${stateOf(a.id)} is not over a status.`,
    onDragEnd: ({ active: a, over }) =>
      over
        ? `${remoteName} state ${stateOf(a.id)} dropped: ${labelOf(String(over.id))}.`
        : `${remoteName} state ${stateOf(a.id)} was not moved.`,
    onDragCancel: ({ active: a }) =>
      `Moving ${remoteName} state ${stateOf(a.id)} cancelled. It stays ${where(stateOf(a.id))}.`,
  };

  return {
    active,
    contextProps: {
      sensors,
      collisionDetection: collisions,
      accessibility: {
        announcements,
        screenReaderInstructions: {
          draggable: `To move this ${remoteName} state, press Space to pick it up, the up and down arrow keys to choose a Tandem status, and Space again to drop it. Or use its Move to button.`,
        },
      },
      onDragStart: ({ active: a }: DragStartEvent) => {
        keyboardZone.current = null;
        setActive(stateOf(a.id));
      },
      onDragCancel: () => setActive(null),
      onDragEnd: ({ active: a, over }: DragEndEvent) => {
        setActive(null);
        keyboardZone.current = null;
        if (over) onMove(stateOf(a.id), String(over.id));
      },
    },
  };
}
