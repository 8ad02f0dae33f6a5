import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  autoMatchStatuses,
  moveRemoteState,
  normaliseStatusName,
  remoteToRoadmapStatus,
  roadmapToRemoteState,
  unmappedStatuses,
} from '../../src/core/status-mapping.ts';

const workflow = [
  { id: 's-new', name: 'New' },
  { id: 's-ready', name: 'Ready to develop' },
  { id: 's-dev', name: 'In development' },
  { id: 's-done', name: 'Done' },
];
const rallyStates = ['Discovering', 'Measuring', 'Developing', 'Done', 'new'];

describe('status mapping', () => {
  it('auto-matches equal names after normalising case, punctuation and spacing', () => {
    expect(normaliseStatusName('  In-Progress ')).toBe('in progress');
    const mapping = autoMatchStatuses('State', workflow, rallyStates);
    expect(mapping.groups).toEqual([
      { roadmapStatusId: 's-new', remoteStates: ['new'] },
      { roadmapStatusId: 's-ready', remoteStates: [] },
      { roadmapStatusId: 's-dev', remoteStates: [] },
      { roadmapStatusId: 's-done', remoteStates: ['Done'] },
    ]);
  });

  it('maps several remote states to one status inbound and sends the first outbound', () => {
    let mapping = autoMatchStatuses('State', workflow, rallyStates);
    mapping = moveRemoteState(mapping, 'Measuring', 's-dev');
    mapping = moveRemoteState(mapping, 'Developing', 's-dev');
    expect(remoteToRoadmapStatus(mapping, 'Measuring')).toBe('s-dev');
    expect(remoteToRoadmapStatus(mapping, 'Developing')).toBe('s-dev');
    expect(roadmapToRemoteState(mapping, 's-dev')).toBe('Measuring');
    mapping = moveRemoteState(mapping, 'Developing', 's-dev', 0);
    expect(roadmapToRemoteState(mapping, 's-dev')).toBe('Developing');
  });

  it('reports unmapped states on both sides', () => {
    const mapping = autoMatchStatuses('State', workflow, rallyStates);
    expect(unmappedStatuses(mapping, workflow, rallyStates)).toEqual({
      roadmap: [workflow[1], workflow[2]],
      remote: ['Discovering', 'Measuring', 'Developing'],
    });
    expect(remoteToRoadmapStatus(mapping, 'Discovering')).toBeUndefined();
  });

  it('moving a state out of every group unmaps it', () => {
    const mapping = moveRemoteState(
      autoMatchStatuses('State', workflow, rallyStates),
      'Done',
      null,
    );
    expect(remoteToRoadmapStatus(mapping, 'Done')).toBeUndefined();
  });

  it('property: any sequence of moves keeps every remote state in at most one group', () => {
    const state = fc.constantFrom(...rallyStates);
    const target = fc.option(fc.constantFrom(...workflow.map((s) => s.id)), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(state, target, fc.nat(5))), (moves) => {
        let mapping = autoMatchStatuses('State', workflow, rallyStates);
        for (const [s, to, i] of moves) mapping = moveRemoteState(mapping, s, to, i);
        const all = mapping.groups.flatMap((g) => g.remoteStates);
        expect(new Set(all).size).toBe(all.length);
        for (const [s, to] of moves.slice(-1))
          expect(remoteToRoadmapStatus(mapping, s)).toBe(to ?? undefined);
      }),
    );
  });
});
