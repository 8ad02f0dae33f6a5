import { describe, expect, it } from 'vitest';
import { matchesSyncFilter } from './sync-filter';

const linked = { state: 'linked', formattedId: 'F1' };
const failedCreate = { state: 'failed', formattedId: null };
const conflict = { state: 'conflict', formattedId: 'F2' };
const sending = { state: 'create_pending', formattedId: null };

describe('matchesSyncFilter', () => {
  it('keeps everything without a filter', () => {
    expect(matchesSyncFilter(undefined, [])).toBe(true);
  });

  it('Needs attention: failed, conflict, link broken, awaiting approval', () => {
    expect(matchesSyncFilter('attention', [linked])).toBe(false);
    expect(matchesSyncFilter('attention', [linked, conflict])).toBe(true);
    expect(matchesSyncFilter('attention', [failedCreate])).toBe(true);
    expect(matchesSyncFilter('attention', [{ state: 'link_broken', formattedId: 'F3' }])).toBe(
      true,
    );
    expect(
      matchesSyncFilter('attention', [{ state: 'awaiting_approval', formattedId: 'F4' }]),
    ).toBe(true);
    expect(matchesSyncFilter('attention', [])).toBe(false);
  });

  it('Not sent yet: nothing linked and nothing on its way (a failed first send counts)', () => {
    expect(matchesSyncFilter('unsent', [])).toBe(true);
    expect(matchesSyncFilter('unsent', [failedCreate])).toBe(true);
    expect(matchesSyncFilter('unsent', [linked])).toBe(false);
    expect(matchesSyncFilter('unsent', [sending])).toBe(false);
  });
});
