import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest, rallyConnector as rally } from '../src/index.ts';
import { makeCtx, startSim } from './support/sim.ts';

let sim: Awaited<ReturnType<typeof startSim>>;
beforeAll(async () => {
  // Rally queues a 13th request; here the simulator refuses it, so any excess would show.
  sim = await startSim({ latency: { fixedMs: 25 }, concurrency: { limit: 12, mode: 'reject' } });
});
afterAll(async () => {
  await sim.close();
});

describe('the 12-request limit', () => {
  it('two integrations on one Rally account never have more than 12 requests in flight together', async () => {
    expect(manifest.maxConcurrentPerAccount).toBe(12);
    // Same API key → same account key → one shared budget in the transport.
    const first = makeCtx(sim.url);
    const second = makeCtx(sim.url);
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 48 }, (_, i) => rally.checkConnection(i % 2 === 0 ? first : second)),
    );
    expect(sim.simulator.state.limiter.peak.get('4000000001')).toBe(12);
    expect([...first.log, ...second.log].filter((l) => l.status === 429)).toEqual([]);
    // 48 requests, 12 at a time, 25 ms each: at least four rounds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 25);
    await first.transport.close();
    await second.transport.close();
  });
});
