import { describe, expect, it } from 'vitest';
import { columnOf, moveBetweenColumns, neighboursOf, rankBetween } from './drop-position';

describe('neighboursOf', () => {
  it('names the cards above and below a card dropped in the middle', () => {
    expect(neighboursOf(['a', 'moved', 'b'], 'moved')).toEqual({ afterId: 'a', beforeId: 'b' });
  });

  it('has no card above at the top and none below at the bottom', () => {
    expect(neighboursOf(['moved', 'a'], 'moved')).toEqual({ afterId: null, beforeId: 'a' });
    expect(neighboursOf(['a', 'moved'], 'moved')).toEqual({ afterId: 'a', beforeId: null });
  });

  it('has no neighbours in an empty column', () => {
    expect(neighboursOf(['moved'], 'moved')).toEqual({ afterId: null, beforeId: null });
  });

  it('refuses a card that is not in the column', () => {
    expect(() => neighboursOf(['a'], 'moved')).toThrow();
  });
});

describe('rankBetween', () => {
  it('lands strictly between two neighbours', () => {
    const rank = rankBetween(1, 2);
    expect(rank).toBeGreaterThan(1);
    expect(rank).toBeLessThan(2);
  });

  it('goes past the end or before the start', () => {
    expect(rankBetween(5, null)).toBeGreaterThan(5);
    expect(rankBetween(null, 5)).toBeLessThan(5);
    expect(rankBetween(null, null)).toBe(0);
  });
});

describe('moveBetweenColumns', () => {
  const columns = { todo: ['a', 'b', 'c'], doing: ['d'] };

  it('moves a card into another column at the hovered index', () => {
    expect(moveBetweenColumns(columns, 'b', 'doing', 0)).toEqual({
      todo: ['a', 'c'],
      doing: ['b', 'd'],
    });
  });

  it('reorders within a column', () => {
    expect(moveBetweenColumns(columns, 'a', 'todo', 2)).toEqual({
      todo: ['b', 'c', 'a'],
      doing: ['d'],
    });
  });

  it('clamps the index and creates a column that was empty', () => {
    expect(moveBetweenColumns(columns, 'd', 'done', 9)).toEqual({
      todo: ['a', 'b', 'c'],
      doing: [],
      done: ['d'],
    });
  });

  it('finds the column a card is in', () => {
    expect(columnOf(columns, 'd')).toBe('doing');
    expect(columnOf(columns, 'z')).toBeNull();
  });
});
