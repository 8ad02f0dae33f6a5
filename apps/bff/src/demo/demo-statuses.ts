import type { RecordMapping } from '@tandem/contracts';
import { moveRemoteState, type RoadmapStatus } from '@tandem/sync-engine';

/**
 * Where the demo puts the remote states that no roadmap status matches by name, so a state
 * changed in the simulator moves the card on the board from the first start.
 */
const DEMO_STATES: Partial<Record<RecordMapping['roadmapKind'], Record<string, string>>> = {
  feature: {
    // Rally
    Discovering: 'Under consideration',
    Developing: 'In development',
    Measuring: 'In development',
    Done: 'Shipped',
    // Azure DevOps (Agile, Scrum, Basic)
    New: 'Under consideration',
    Approved: 'Under consideration',
    'To Do': 'Under consideration',
    Active: 'In development',
    Committed: 'In development',
    Doing: 'In development',
    Resolved: 'Shipped',
    Closed: 'Shipped',
  },
  requirement: {
    Defined: 'To do',
    Completed: 'Done',
    Accepted: 'Done',
    New: 'To do',
    Approved: 'To do',
    'To Do': 'To do',
    Active: 'In progress',
    Committed: 'In progress',
    Doing: 'In progress',
    Resolved: 'Done',
    Closed: 'Done',
  },
};

export function withDemoStatuses(
  mapping: RecordMapping,
  statuses: readonly RoadmapStatus[],
): RecordMapping {
  const table = DEMO_STATES[mapping.roadmapKind];
  if (!table || !mapping.status) return mapping;
  let status = mapping.status;
  for (const [state, statusName] of Object.entries(table)) {
    const already = status.groups.some((g) => g.remoteStates.includes(state));
    const target = statuses.find((s) => s.name === statusName);
    if (!already && target) status = moveRemoteState(status, state, target.id);
  }
  return { ...mapping, status };
}
