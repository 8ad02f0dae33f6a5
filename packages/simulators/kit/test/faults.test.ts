import { describe, expect, it } from 'vitest';
import { Faults } from '../src/faults.ts';

describe('fault rules', () => {
  it('fires the first matching rule, only `times` times, then removes it', () => {
    const faults = new Faults();
    faults.add({ id: 'a', method: 'post', path: '/create', status: 503, times: 2 });
    expect(faults.match('GET', '/x/create')).toBeUndefined();
    expect(faults.match('POST', '/x/create')?.id).toBe('a');
    expect(faults.match('POST', '/x/create')?.id).toBe('a');
    expect(faults.match('POST', '/x/create')).toBeUndefined();
    expect(faults.rules).toEqual([]);
  });

  it('matches paths case-sensitively unless told otherwise', () => {
    const exact = new Faults();
    exact.add({ path: '/WorkItems' });
    expect(exact.match('GET', '/workitems')).toBeUndefined();
    const loose = new Faults({ caseInsensitivePaths: true });
    loose.add({ path: '/WorkItems' });
    expect(loose.match('GET', '/workitems')).toBeDefined();
  });

  it('fires by rate with the random source given, and adds latency with jitter', () => {
    let next = 0.7;
    const faults = new Faults({ random: () => next });
    faults.add({ rate: 0.5 });
    expect(faults.match('GET', '/')).toBeUndefined();
    next = 0.2;
    expect(faults.match('GET', '/')).toBeDefined();
    faults.latency = { fixedMs: 40, jitterMs: 10 };
    expect(faults.delayMs()).toBe(42);
  });

  it('refuses a rule whose path is not a regular expression, and replaces a rule by id', () => {
    const faults = new Faults();
    expect(() => faults.add({ path: '(' })).toThrow();
    faults.add({ id: 'a', status: 500 });
    faults.add({ id: 'a', status: 429 });
    expect(faults.rules.map((r) => r.status)).toEqual([429]);
    faults.clear();
    expect(faults.rules).toEqual([]);
    expect(faults.deliveries).toEqual({ duplicateRate: 0, reorderRate: 0 });
  });

  it('matches a rule on the request body when it asks to, and says whether any rule does', () => {
    const faults = new Faults();
    expect(faults.matchesBodies).toBe(false);
    faults.add({ bodyMatches: '"Name":"Mine"' });
    expect(faults.matchesBodies).toBe(true);
    expect(faults.match('POST', '/create', '{"Name":"Theirs"}')).toBeUndefined();
    expect(faults.match('POST', '/create', '{"Name":"Mine"}')).toBeDefined();
  });
});
