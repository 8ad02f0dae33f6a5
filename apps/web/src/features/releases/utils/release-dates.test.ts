import { describe, expect, it } from 'vitest';
import { daysUntil, formatDateRange, relativeDue, releaseDateErrors } from './release-dates';

describe('release dates', () => {
  it('refuses a release date before the start date', () => {
    expect(releaseDateErrors('2027-03-10', '2027-03-01')).toEqual({
      releaseDate: 'The release date must not be before the start date',
    });
    expect(releaseDateErrors('2027-03-01', '2027-03-01')).toEqual({});
    expect(releaseDateErrors('', '2027-03-01')).toEqual({});
  });

  it('refuses malformed dates', () => {
    expect(releaseDateErrors('2027-3-1', '')).toEqual({ startDate: 'Use a date like 2027-03-01' });
  });

  it('counts calendar days, whatever the time of day', () => {
    expect(daysUntil('2027-03-31', new Date(2027, 2, 30, 23, 59))).toBe(1);
    expect(relativeDue('2027-03-31', new Date(2027, 2, 31, 8))).toBe('Due today');
    expect(relativeDue('2027-03-29', new Date(2027, 2, 31, 8))).toBe('2 days ago');
  });

  it('says when there are no dates', () => {
    expect(formatDateRange(null, null)).toBe('No dates yet');
    expect(formatDateRange(null, '2027-03-31')).toMatch(/^Ships /);
  });
});
