import { describe, expect, it } from 'vitest';
import { fromRallyDate, toRallyDate } from '../src/dates.ts';

describe('calendar dates ↔ Rally instants', () => {
  it('starts at the first second and ends at the last second of the day, in the workspace zone', () => {
    expect(toRallyDate('ReleaseStartDate', '2025-07-01', 'America/Chicago')).toBe(
      '2025-07-01T05:00:00.000Z',
    );
    expect(toRallyDate('ReleaseDate', '2025-09-30', 'America/Chicago')).toBe(
      '2025-10-01T04:59:59.000Z',
    );
    expect(toRallyDate('PlannedEndDate', '2025-12-31', 'Europe/Berlin')).toBe(
      '2025-12-31T22:59:59.000Z',
    );
    expect(toRallyDate('PlannedStartDate', '2025-03-30', 'UTC')).toBe('2025-03-30T00:00:00.000Z');
  });

  it('reads back the same day', () => {
    for (const zone of [
      'UTC',
      'America/Chicago',
      'Europe/Berlin',
      'Asia/Tokyo',
      'Pacific/Auckland',
    ]) {
      for (const [field, day] of [
        ['ReleaseStartDate', '2025-03-30'],
        ['ReleaseDate', '2025-10-26'],
        ['PlannedEndDate', '2025-06-30'],
      ] as const) {
        expect(fromRallyDate(toRallyDate(field, day, zone), zone), `${zone} ${field}`).toBe(day);
      }
    }
  });

  it('passes full timestamps and nulls through', () => {
    expect(toRallyDate('ReleaseDate', '2025-09-30T12:00:00.000Z', 'UTC')).toBe(
      '2025-09-30T12:00:00.000Z',
    );
    expect(toRallyDate('ReleaseDate', null, 'UTC')).toBeNull();
    expect(fromRallyDate(null, 'UTC')).toBeNull();
  });

  it('reads Rally’s own end-of-day instants as that day', () => {
    // Rally's UI stores an iteration ending 2016-05-17 in New York as 03:59:59Z the next day.
    expect(fromRallyDate('2016-05-18T03:59:59.000Z', 'America/New_York')).toBe('2016-05-17');
  });
});
