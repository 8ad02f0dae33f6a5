/**
 * Roadmap dates are calendar days; Rally stores instants in the workspace's time zone, a start
 * at the day's first second and an end at its last (Rally's own UI does the same, so an end date
 * is inclusive). Date-only values are converted both ways; full timestamps pass through.
 */

/** Fields holding the first day of a span, and the last (inclusive) day. */
export const startDateFields = new Set(['PlannedStartDate', 'ReleaseStartDate', 'StartDate']);
export const endDateFields = new Set(['PlannedEndDate', 'ReleaseDate', 'EndDate']);

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;

function offsetMs(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - Math.floor(instant / 1000) * 1000;
}

/** The instant of a local wall-clock time in `timeZone`. */
function zonedInstant(
  timeZone: string,
  y: number,
  m: number,
  d: number,
  h: number,
  mi: number,
  s: number,
): number {
  const wall = Date.UTC(y, m - 1, d, h, mi, s);
  let instant = wall - offsetMs(timeZone, wall);
  // Once more, in case a DST change lies between the guess and the answer.
  instant = wall - offsetMs(timeZone, instant);
  return instant;
}

export function toRallyDate(field: string, value: unknown, timeZone: string): unknown {
  if (typeof value !== 'string') return value;
  const match = dateOnly.exec(value);
  if (!match) return value;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const instant = endDateFields.has(field)
    ? zonedInstant(timeZone, y, m, d, 23, 59, 59)
    : zonedInstant(timeZone, y, m, d, 0, 0, 0);
  return new Date(instant).toISOString();
}

export function fromRallyDate(value: unknown, timeZone: string): unknown {
  if (typeof value !== 'string') return value;
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) return value;
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

export function isSpanDate(field: string): boolean {
  return startDateFields.has(field) || endDateFields.has(field);
}
