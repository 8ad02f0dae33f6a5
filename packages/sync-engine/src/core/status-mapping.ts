/**
 * Status mapping: each remote state belongs to at most one roadmap status; several remote states
 * may share one status (e.g. remote *Measuring* and *Developing* → *In development*). Inbound, a state
 * yields its group's status; outbound, a status yields the first state of its group.
 */
import type { StatusGroup, StatusMapping } from './config.ts';

export interface RoadmapStatus {
  readonly id: string;
  readonly name: string;
}

/** The roadmap status a remote state maps to, or undefined when unmapped (change nothing). */
export function remoteToRoadmapStatus(
  mapping: StatusMapping,
  remoteState: string,
): string | undefined {
  return mapping.groups.find((g) => g.remoteStates.includes(remoteState))?.roadmapStatusId;
}

/** The remote state a roadmap status is sent as: the first state mapped to it. */
export function roadmapToRemoteState(
  mapping: StatusMapping,
  roadmapStatusId: string,
): string | undefined {
  return mapping.groups.find((g) => g.roadmapStatusId === roadmapStatusId)?.remoteStates[0];
}

/** Lower case, accents and punctuation dropped, whitespace collapsed: "In-Progress " → "in progress". */
export function normaliseStatusName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The initial mapping the wizard shows: every remote state whose normalised name equals a
 * roadmap status's normalised name is grouped under it. Groups follow the roadmap workflow order.
 */
export function autoMatchStatuses(
  remoteField: string,
  roadmapStatuses: readonly RoadmapStatus[],
  remoteStates: readonly string[],
): StatusMapping {
  const byName = new Map<string, string>();
  for (const status of roadmapStatuses) {
    const key = normaliseStatusName(status.name);
    if (!byName.has(key)) byName.set(key, status.id);
  }
  const groups = roadmapStatuses.map(
    (status): StatusGroup => ({ roadmapStatusId: status.id, remoteStates: [] }),
  );
  for (const state of remoteStates) {
    const statusId = byName.get(normaliseStatusName(state));
    const group = groups.find((g) => g.roadmapStatusId === statusId);
    if (group && !group.remoteStates.includes(state)) group.remoteStates.push(state);
  }
  return { remoteField, groups };
}

export interface UnmappedStatuses {
  /** Roadmap statuses no remote state maps to (they cannot be sent). */
  readonly roadmap: readonly RoadmapStatus[];
  /** Remote states mapped to no roadmap status (they change nothing inbound). */
  readonly remote: readonly string[];
}

/** What the status-mapping board shows as unmapped on each side. */
export function unmappedStatuses(
  mapping: StatusMapping,
  roadmapStatuses: readonly RoadmapStatus[],
  remoteStates: readonly string[],
): UnmappedStatuses {
  const mappedStates = new Set(mapping.groups.flatMap((g) => g.remoteStates));
  return {
    roadmap: roadmapStatuses.filter((s) => roadmapToRemoteState(mapping, s.id) === undefined),
    remote: remoteStates.filter((state) => !mappedStates.has(state)),
  };
}

/**
 * Move one remote state (a drag, or the keyboard equivalent) under a roadmap status at a
 * position, or out of every group when `toStatusId` is null. Keeps "one state, one status".
 */
export function moveRemoteState(
  mapping: StatusMapping,
  remoteState: string,
  toStatusId: string | null,
  index?: number,
): StatusMapping {
  const without = mapping.groups.map((g) => ({
    roadmapStatusId: g.roadmapStatusId,
    remoteStates: g.remoteStates.filter((s) => s !== remoteState),
  }));
  if (toStatusId === null) return { remoteField: mapping.remoteField, groups: without };
  const target = without.find((g) => g.roadmapStatusId === toStatusId);
  if (target) {
    const at = Math.max(
      0,
      Math.min(index ?? target.remoteStates.length, target.remoteStates.length),
    );
    target.remoteStates.splice(at, 0, remoteState);
  } else {
    without.push({ roadmapStatusId: toStatusId, remoteStates: [remoteState] });
  }
  return { remoteField: mapping.remoteField, groups: without };
}
