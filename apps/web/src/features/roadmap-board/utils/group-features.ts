import type { Feature } from '@tandem/contracts';
import type { BoardGrouping } from './board-filters';

export interface BoardColumn {
  id: string;
  name: string;
  /** A CSS colour for the column's dot (a status colour), when it has one. */
  color?: string | undefined;
  hint?: string | undefined;
}

export const columnKeyOf = (feature: Feature, groupBy: BoardGrouping) =>
  groupBy === 'status' ? feature.statusId : feature.releaseId;

/** Feature ids per column, each column in rank order; features of unknown columns are dropped. */
export function groupFeatures(
  features: readonly Feature[],
  columns: readonly BoardColumn[],
  groupBy: BoardGrouping,
): Record<string, string[]> {
  const grouped: Record<string, string[]> = Object.fromEntries(columns.map((c) => [c.id, []]));
  const sorted = [...features].sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id));
  for (const feature of sorted) grouped[columnKeyOf(feature, groupBy)]?.push(feature.id);
  return grouped;
}

/** Every feature id in board order (column by column), for shift-click range selection. */
export function boardOrder(
  grouped: Readonly<Record<string, readonly string[]>>,
  columns: readonly BoardColumn[],
): string[] {
  return columns.flatMap((c) => grouped[c.id] ?? []);
}

/** The ids from `anchor` to `target` inclusive in board order; just `target` if either is gone. */
export function rangeBetween(order: readonly string[], anchor: string, target: string): string[] {
  const a = order.indexOf(anchor);
  const b = order.indexOf(target);
  if (a === -1 || b === -1) return [target];
  return order.slice(Math.min(a, b), Math.max(a, b) + 1);
}
