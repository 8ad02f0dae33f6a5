import type { RecordMapping } from '@tandem/contracts';
import { moveRemoteState, type RoadmapStatus } from '@tandem/sync-engine';

/**
 * Where the demo puts the Rally states that no roadmap status matches by name, so a state
 * changed in the simulator moves the card on the board from the first start.
 */
const DEMO_STATES: Partial<Record<RecordMapping['roadmapKind'], Record<string, string>>> = {
  feature: {
    Discovering: 'Under consideration',
    Developing: 'In development',
    Measuring: 'In development',
    Done: 'Shipped',
  },
  requirement: { Defined: 'To do', Completed: 'Done', Accepted: 'Done' },
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
