import { describe, expect, it } from 'vitest';
import {
  autoMatch,
  boardFrom,
  moveState,
  nextDropTarget,
  toGroups,
  UNMAPPED,
} from './status-board';

const statuses = [
  { id: 's-new', name: 'New' },
  { id: 's-dev', name: 'In development' },
  { id: 's-done', name: 'Done' },
];
const states = ['Discovering', 'Developing', 'Measuring', 'Done'];

describe('status board', () => {
  it('maps equal names automatically, ignoring case', () => {
    expect(autoMatch(statuses, ['done', 'Developing'])).toEqual([
      { roadmapStatusId: 's-new', remoteStates: [] },
      { roadmapStatusId: 's-dev', remoteStates: [] },
      { roadmapStatusId: 's-done', remoteStates: ['done'] },
    ]);
  });

  it('shows unmapped states apart, and drops states the remote no longer has', () => {
    const board = boardFrom(statuses, states, [
      { roadmapStatusId: 's-dev', remoteStates: ['Developing', 'Gone'] },
    ]);
    expect(board).toEqual({
      's-new': [],
      's-dev': ['Developing'],
      's-done': [],
      [UNMAPPED]: ['Discovering', 'Measuring', 'Done'],
    });
  });

  it('groups several remote states under one roadmap status (one-to-many)', () => {
    let board = boardFrom(statuses, states, null);
    board = moveState(board, 'Developing', 's-dev');
    board = moveState(board, 'Measuring', 's-dev');
    expect(toGroups(board, statuses)).toEqual([
      { roadmapStatusId: 's-new', remoteStates: [] },
      { roadmapStatusId: 's-dev', remoteStates: ['Developing', 'Measuring'] },
      { roadmapStatusId: 's-done', remoteStates: ['Done'] },
    ]);
    expect(board[UNMAPPED]).toEqual(['Discovering']);
  });

  it('puts a state back into the unmapped zone in the remote’s order', () => {
    let board = boardFrom(statuses, states, null);
    board = moveState(board, 'Developing', 's-dev');
    board = moveState(board, 'Developing', UNMAPPED, states);
    expect(board[UNMAPPED]).toEqual(['Discovering', 'Developing', 'Measuring']);
  });

  it('ignores a drop on the zone the state is already in, or on nothing known', () => {
    const board = boardFrom(statuses, states, null);
    expect(moveState(board, 'Done', 's-done')).toBe(board);
    expect(moveState(board, 'Done', 'nowhere')).toBe(board);
  });

  it('arrow keys walk the drop zones top to bottom and stop at the ends', () => {
    const order = ['s-new', 's-dev', 's-done', UNMAPPED];
    expect(nextDropTarget(order, UNMAPPED, 'up')).toBe('s-done');
    expect(nextDropTarget(order, 's-done', 'up')).toBe('s-dev');
    expect(nextDropTarget(order, 's-new', 'up')).toBe('s-new');
    expect(nextDropTarget(order, 's-done', 'down')).toBe(UNMAPPED);
    expect(nextDropTarget(order, UNMAPPED, 'down')).toBe(UNMAPPED);
    expect(nextDropTarget(order, null, 'down')).toBe('s-new');
  });
});
