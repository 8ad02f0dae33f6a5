import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  boardViewFromSearchParams,
  boardViewToSearchParams,
} from './board-filters';

describe('board filters ↔ URL', () => {
  it('reads every filter and the grouping from the URL', () => {
    const view = boardViewFromSearchParams(
      new URLSearchParams('q=login&release=r1&initiative=i1&assignee=u1&tag=ios&group=release'),
    );
    expect(view).toEqual({
      groupBy: 'release',
      filters: { q: 'login', releaseId: 'r1', initiativeId: 'i1', assigneeId: 'u1', tag: 'ios' },
    });
  });

  it('defaults to columns by status with no filters, ignoring blanks and unknown groupings', () => {
    expect(boardViewFromSearchParams(new URLSearchParams('q=%20%20&group=owner'))).toEqual({
      groupBy: 'status',
      filters: {},
    });
  });

  it('writes only what differs from the default and keeps unrelated parameters', () => {
    const params = boardViewToSearchParams(
      { groupBy: 'status', filters: { q: 'sso', tag: '', assigneeId: 'u2' } },
      new URLSearchParams('tag=old&group=release&other=keep'),
    );
    expect(params.toString()).toBe('other=keep&q=sso&assignee=u2');
  });

  it('round-trips', () => {
    const view = {
      groupBy: 'release' as const,
      filters: { q: 'dark mode', releaseId: 'r 2', tag: 'a&b' },
    };
    expect(boardViewFromSearchParams(boardViewToSearchParams(view))).toEqual(view);
  });

  it('counts the filters that narrow the board, not the search text', () => {
    expect(activeFilterCount({ q: 'x', releaseId: 'r1', tag: 't' })).toBe(2);
  });
});
