/** Dates are ISO calendar days (`2027-03-31`); shown in the reader's locale, never shifted by zone. */
const asDate = (iso: string) => new Date(`${iso}T00:00:00`);

export function formatDay(iso: string, withYear = true): string {
  return asDate(iso).toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
    ...(withYear ? { year: 'numeric' } : {}),
  });
}

/** "Mar 1 – Mar 31, 2027", "Ships Mar 31, 2027", "Starts Mar 1, 2027" or "No dates yet". */
export function formatDateRange(start: string | null, end: string | null): string {
  if (start && end) {
    const sameYear = start.slice(0, 4) === end.slice(0, 4);
    return `${formatDay(start, !sameYear)} – ${formatDay(end)}`;
  }
  if (end) return `Ships ${formatDay(end)}`;
  if (start) return `Starts ${formatDay(start)}`;
  return 'No dates yet';
}

/** Whole days from `today` to `iso` (negative when past). */
export function daysUntil(iso: string, today: Date = new Date()): number {
  const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((asDate(iso).getTime() - startOfToday.getTime()) / 86_400_000);
}

export function relativeDue(iso: string, today?: Date): string {
  const days = daysUntil(iso, today);
  if (days === 0) return 'Due today';
  if (days === 1) return 'Due tomorrow';
  if (days > 1) return `${days} days left`;
  return days === -1 ? '1 day ago' : `${-days} days ago`;
}

/** Field messages for the release form, keyed like the BFF's field paths. */
export function releaseDateErrors(start: string, end: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const valid = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(asDate(s).getTime());
  if (start && !valid(start)) errors.startDate = 'Use a date like 2027-03-01';
  if (end && !valid(end)) errors.releaseDate = 'Use a date like 2027-03-31';
  if (!errors.startDate && !errors.releaseDate && start && end && start > end) {
    errors.releaseDate = 'The release date must not be before the start date';
  }
  return errors;
}
