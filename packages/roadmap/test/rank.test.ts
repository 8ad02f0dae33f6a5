import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_RANK_GAP, RANK_STEP, rankBetween, renumberedRanks } from '../src/features/rank.ts';

describe('rankBetween', () => {
  it('places before, after, between and alone', () => {
    expect(rankBetween(null, null)).toBe(0);
    expect(rankBetween(null, 10)).toBe(10 - RANK_STEP);
    expect(rankBetween(10, null)).toBe(10 + RANK_STEP);
    expect(rankBetween(10, 20)).toBe(15);
  });

  it('asks for renumbering when the gap is too small', () => {
    expect(rankBetween(1, 1 + MIN_RANK_GAP / 2)).toBeNull();
    expect(rankBetween(5, 5)).toBeNull();
  });

  it('always lands strictly between its neighbours or asks to renumber', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (lo, gap) => {
          const hi = lo + gap;
          const r = rankBetween(lo, hi);
          if (r !== null) expect(r > lo && r < hi).toBe(true);
          else expect(hi - lo < MIN_RANK_GAP || hi === lo || lo + (hi - lo) / 2 === lo).toBe(true);
        },
      ),
    );
  });

  it('renumbers evenly', () => {
    expect(renumberedRanks(3)).toEqual([RANK_STEP, 2 * RANK_STEP, 3 * RANK_STEP]);
  });
});
