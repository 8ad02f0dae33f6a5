import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../src/ids/time-ordered-id.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedId', () => {
  it('is a UUIDv7 that carries the time it was made', () => {
    const id = timeOrderedId(Date.UTC(2026, 10, 25, 12, 0, 0));
    expect(id).toMatch(UUID_V7);
    const ms = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(new Date(ms).toISOString()).toBe('2026-11-25T12:00:00.000Z');
  });

  it('sorts in creation order, also within one millisecond and past the counter', () => {
    const now = Date.UTC(2030, 0, 1);
    const ids = Array.from({ length: 10_000 }, () => timeOrderedId(now));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
  });

  it('never goes backwards when the clock does', () => {
    const a = timeOrderedId(Date.UTC(2031, 0, 1));
    const b = timeOrderedId(Date.UTC(2031, 0, 1) - 5_000);
    expect(b > a).toBe(true);
  });
});
