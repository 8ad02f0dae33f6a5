import type { StatusGroup } from '@tandem/contracts';

/** The drop zone of remote states that no roadmap status has yet. */
export const UNMAPPED = 'unmapped';

export interface RoadmapStatusInfo {
  id: string;
  name: string;
}

/** Remote states per drop zone: one per roadmap status (by id) plus `UNMAPPED`. */
export type BoardColumns = Record<string, string[]>;

const norm = (s: string) => s.trim().toLowerCase();

/** The first mapping: each remote state goes to the roadmap status with the same name, if any. */
export function autoMatch(statuses: RoadmapStatusInfo[], states: string[]): StatusGroup[] {
  return statuses.map((status) => ({
    roadmapStatusId: status.id,
    remoteStates: states.filter((s) => norm(s) === norm(status.name)),
  }));
}

/**
 * The board for the saved groups (or the automatic match when nothing was saved). States the remote
 * no longer has are dropped; states nothing holds go to `UNMAPPED`, in the remote's order.
 */
export function boardFrom(
  statuses: RoadmapStatusInfo[],
  states: string[],
  groups: StatusGroup[] | null,
): BoardColumns {
  const source = groups && groups.length > 0 ? groups : autoMatch(statuses, states);
  const known = new Set(states);
  const placed = new Set<string>();
  const columns: BoardColumns = {};
  for (const status of statuses) {
    const group = source.find((g) => g.roadmapStatusId === status.id);
    columns[status.id] = (group?.remoteStates ?? []).filter((s) => {
      if (!known.has(s) || placed.has(s)) return false;
      placed.add(s);
      return true;
    });
  }
  columns[UNMAPPED] = states.filter((s) => !placed.has(s));
  return columns;
}

export function containerOf(columns: BoardColumns, state: string): string | null {
  for (const [id, states] of Object.entries(columns)) if (states.includes(state)) return id;
  return null;
}

/** Moves one remote state into another zone (to the end); the same zone changes nothing. */
export function moveState(
  columns: BoardColumns,
  state: string,
  to: string,
  stateOrder: string[] = [],
): BoardColumns {
  const from = containerOf(columns, state);
  if (from === null || from === to || !(to in columns)) return columns;
  const next = { ...columns, [from]: columns[from]!.filter((s) => s !== state) };
  const target = [...columns[to]!, state];
  // The unmapped zone keeps the remote's order, so a state put back lands where it was.
  if (to === UNMAPPED && stateOrder.length > 0) {
    target.sort((a, b) => stateOrder.indexOf(a) - stateOrder.indexOf(b));
  }
  next[to] = target;
  return next;
}

/** What is saved: one group per roadmap status, in the workflow's order. */
export function toGroups(columns: BoardColumns, statuses: RoadmapStatusInfo[]): StatusGroup[] {
  return statuses.map((s) => ({ roadmapStatusId: s.id, remoteStates: columns[s.id] ?? [] }));
}

export type KeyboardDirection = 'up' | 'down';

/**
 * Where the arrow keys take a picked-up state: the next drop zone up or down the board (the
 * roadmap statuses in order, then `UNMAPPED`), stopping at either end.
 */
export function nextDropTarget(
  order: string[],
  current: string | null,
  direction: KeyboardDirection,
): string | null {
  if (order.length === 0) return null;
  const index = current === null ? -1 : order.indexOf(current);
  if (index === -1) return direction === 'down' ? order[0]! : order.at(-1)!;
  const next = direction === 'down' ? index + 1 : index - 1;
  return order[Math.max(0, Math.min(order.length - 1, next))]!;
}

/** Summary for the step and the Status row: how many remote states nothing maps yet. */
export function unmappedCount(columns: BoardColumns): number {
  return columns[UNMAPPED]?.length ?? 0;
}
