/** Where a dropped card lands: its neighbours in the column as the user sees it after the drop. */
export interface DropNeighbours {
  afterId: string | null;
  beforeId: string | null;
}

/**
 * `ids` is the destination column in its new order, the moved card included. The card goes after
 * the one above it and before the one below it (`null` at either end).
 */
export function neighboursOf(ids: readonly string[], movedId: string): DropNeighbours {
  const index = ids.indexOf(movedId);
  if (index === -1) throw new Error(`${movedId} is not in the column`);
  return { afterId: ids[index - 1] ?? null, beforeId: ids[index + 1] ?? null };
}

/** A rank strictly between two neighbours' ranks, for the optimistic update before the server's. */
export function rankBetween(after: number | null, before: number | null): number {
  if (after !== null && before !== null) return (after + before) / 2;
  if (after !== null) return after + 1;
  if (before !== null) return before - 1;
  return 0;
}

/** Moves one id within or between columns (the state of the board while a card is dragged). */
export function moveBetweenColumns(
  columns: Readonly<Record<string, readonly string[]>>,
  movedId: string,
  toColumn: string,
  toIndex: number,
): Record<string, string[]> {
  const next: Record<string, string[]> = {};
  for (const [column, ids] of Object.entries(columns)) {
    next[column] = ids.filter((id) => id !== movedId);
  }
  const target = next[toColumn] ?? [];
  const index = Math.max(0, Math.min(toIndex, target.length));
  next[toColumn] = [...target.slice(0, index), movedId, ...target.slice(index)];
  return next;
}

export function columnOf(
  columns: Readonly<Record<string, readonly string[]>>,
  id: string,
): string | null {
  for (const [column, ids] of Object.entries(columns)) if (ids.includes(id)) return column;
  return null;
}
