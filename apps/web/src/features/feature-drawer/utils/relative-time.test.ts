import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

const now = new Date('2026-11-25T12:00:00Z');

describe('relativeTime', () => {
  it('says just now for the last few seconds', () => {
    expect(relativeTime('2026-11-25T11:59:30Z', now, 'en')).toBe('just now');
  });

  it('uses the largest whole unit', () => {
    expect(relativeTime('2026-11-25T11:57:00Z', now, 'en')).toBe('3 minutes ago');
    expect(relativeTime('2026-11-25T09:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(relativeTime('2026-11-24T12:00:00Z', now, 'en')).toBe('yesterday');
    expect(relativeTime('2026-11-11T12:00:00Z', now, 'en')).toBe('2 weeks ago');
  });

  it('is empty for a date it cannot read', () => {
    expect(relativeTime('not a date', now, 'en')).toBe('');
  });
});
