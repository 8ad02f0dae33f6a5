/** Distance between neighbours after a fresh numbering. */
export const RANK_STEP = 1024;
/** Below this gap the midpoint loses precision quickly; renumber instead. */
export const MIN_RANK_GAP = 1e-6;

/**
 * A rank strictly between `lo` and `hi` (either may be open), or null when the gap is too small
 * and the list must be renumbered first.
 */
export function rankBetween(lo: number | null, hi: number | null): number | null {
  if (lo === null && hi === null) return 0;
  if (lo === null) return (hi as number) - RANK_STEP;
  if (hi === null) return lo + RANK_STEP;
  if (hi - lo < MIN_RANK_GAP) return null;
  const mid = lo + (hi - lo) / 2;
  return mid > lo && mid < hi ? mid : null;
}

/** Fresh, evenly spaced ranks for `n` items in their current order. */
export function renumberedRanks(n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i + 1) * RANK_STEP);
}
