import { useCallback, useMemo, useState } from 'react';
import { rangeBetween } from '../utils/group-features';

/**
 * Multi-select on the board: toggle one, Shift for a range from the last toggled card (in board
 * order), clear. Ids no longer on the board drop out of the selection.
 */
export function useSelection(visibleOrder: readonly string[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);

  const visible = useMemo(() => {
    const onBoard = new Set(visibleOrder);
    return new Set([...selected].filter((id) => onBoard.has(id)));
  }, [selected, visibleOrder]);

  const toggle = useCallback((id: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    setAnchor(id);
  }, []);

  const selectRange = useCallback(
    (id: string) => {
      const range = anchor ? rangeBetween(visibleOrder, anchor, id) : [id];
      setSelected((prev) => new Set([...prev, ...range]));
      setAnchor(id);
    },
    [anchor, visibleOrder],
  );

  /** A column's select-all: selects all its cards, or clears them when all are selected. */
  const toggleAll = useCallback((ids: readonly string[]) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (ids.every((id) => next.has(id))) for (const id of ids) next.delete(id);
      else for (const id of ids) next.add(id);
      return next;
    });
    setAnchor(null);
  }, []);

  const clear = useCallback(() => {
    setSelected(new Set());
    setAnchor(null);
  }, []);

  return { selected: visible, toggle, selectRange, toggleAll, clear };
}
