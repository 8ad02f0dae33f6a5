import { RemoteError } from '@tandem/connector-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rallyConnector as rally } from '../src/index.ts';
import { makeCtx, scope, startSim, type TestContext } from './support/sim.ts';

let sim: Awaited<ReturnType<typeof startSim>>;
let ctx: TestContext;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  sim.simulator.control.clearFaults();
  sim.simulator.control.setConcurrency({ limit: 12, mode: 'queue' });
  await ctx?.transport.close();
  ctx = makeCtx(sim.url);
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => {
      expect(RemoteError.is(error)).toBe(true);
      return error as RemoteError;
    },
  );

describe('Rally errors → RemoteError', () => {
  it('a refused create is "validation" with Rally’s message per field', async () => {
    const error = await failure(
      rally.createRecord(ctx, {
        scope,
        type: 'Release',
        fields: { Name: 'No dates' },
        idempotencyToken: 'e-1',
      }),
    );
    expect(error).toMatchObject({ kind: 'validation', retryable: false, ambiguous: false });
    const fields = error.fieldErrors.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['ReleaseStartDate', 'ReleaseDate']));
    expect(error.fieldErrors[0]?.message).toMatch(
      /^Validation error: Release\.\w+ should not be null$/,
    );
  });

  it('an unknown key is "auth" (401), not retried, and says to re-authorize', async () => {
    const bad = makeCtx(sim.url, { apiKey: '_notAKey000000000000000000000000000000000' });
    const error = await failure(rally.checkConnection(bad));
    expect(error).toMatchObject({ kind: 'auth', status: 401, retryable: false });
    expect(error.message).toMatch(/re-authorize/);
    expect(bad.log).toHaveLength(1);
    await bad.transport.close();
  });

  it('a read-only key that writes is "auth" too', async () => {
    const readOnly = makeCtx(sim.url, { apiKey: '_tandemRallySimReadOnlyKey00000000000000' });
    await rally.checkConnection(readOnly);
    const error = await failure(
      rally.createRecord(readOnly, {
        scope,
        type: 'PortfolioItem/Feature',
        fields: { Name: 'x' },
        idempotencyToken: 'e-2',
      }),
    );
    expect(error.kind).toBe('auth');
    await readOnly.transport.close();
  });

  it('429 with Retry-After is waited out, then the call succeeds', async () => {
    sim.simulator.control.addFault({
      method: 'GET',
      path: '/user',
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    const started = Date.now();
    await expect(rally.checkConnection(ctx)).resolves.toMatchObject({ displayName: 'Pat Planner' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(ctx.log.map((l) => [l.status, l.retryInMs])).toEqual([
      [429, 1000],
      [200, null],
    ]);
  });

  it('a Retry-After longer than the transport waits is "rate_limited" with the wait, for the job runner', async () => {
    sim.simulator.control.addFault({
      method: 'GET',
      path: '/user',
      status: 429,
      retryAfterSeconds: 600,
      times: 1,
    });
    const error = await failure(rally.checkConnection(ctx));
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 600_000 });
  });

  it('Rally refusing concurrent requests (429) slows the sender down; every request succeeds', async () => {
    sim.simulator.control.setConcurrency({ limit: 2, mode: 'reject' });
    sim.simulator.control.setLatency({ fixedMs: 30 });
    try {
      const reads = await Promise.all(Array.from({ length: 8 }, () => rally.checkConnection(ctx)));
      expect(reads).toHaveLength(8);
      expect(ctx.log.some((l) => l.status === 429)).toBe(true);
    } finally {
      sim.simulator.control.setLatency({ fixedMs: 0 });
    }
  });

  it('a 503 before the create was applied is retried: one record', async () => {
    sim.simulator.control.addFault({ method: 'POST', path: '/create', status: 503, times: 1 });
    const record = await rally.createRecord(ctx, {
      scope,
      type: 'PortfolioItem/Feature',
      fields: { Name: 'After a 503' },
      idempotencyToken: 'e-503',
    });
    expect(record.fields.Name).toBe('After a 503');
    expect(ctx.log.map((l) => l.status)).toEqual([503, 200]);
  });

  it('a 502 on a create may have been applied: "unavailable", ambiguous, not repeated', async () => {
    sim.simulator.control.addFault({ method: 'POST', path: '/create', status: 502, times: 1 });
    const error = await failure(
      rally.createRecord(ctx, {
        scope,
        type: 'PortfolioItem/Feature',
        fields: { Name: 'x' },
        idempotencyToken: 'e-502',
      }),
    );
    expect(error).toMatchObject({ kind: 'unavailable', ambiguous: true });
    expect(ctx.log).toHaveLength(1);
  });

  it('a missing record is "not_found"', async () => {
    const error = await failure(
      rally.readRecord(ctx, { type: 'HierarchicalRequirement', id: '123456789' }),
    );
    expect(error).toMatchObject({ kind: 'not_found', retryable: false });
  });

  it('the request log never shows the API key', async () => {
    await rally.checkConnection(ctx);
    const text = JSON.stringify(ctx.log);
    expect(text).not.toContain('_tandemRallySimAdminKey');
    expect(ctx.log[0]?.requestHeaders.zsessionid).toBe('[REDACTED]');
  });
});

describe('field messages', () => {
  it('a value Rally cannot convert names its field', async () => {
    const local = makeCtx(sim.url);
    const error = await rally
      .createRecord(local, {
        scope,
        type: 'HierarchicalRequirement',
        fields: { Name: 'Bad estimate', PlanEstimate: 'lots' },
        idempotencyToken: 'e-convert',
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'validation', fieldErrors: [{ field: 'PlanEstimate' }] });
    const tooLong = await rally
      .createRecord(local, {
        scope,
        type: 'HierarchicalRequirement',
        fields: { Name: 'x'.repeat(300) },
        idempotencyToken: 'e-long',
      })
      .catch((e: unknown) => e);
    expect(tooLong).toMatchObject({ kind: 'validation' });
    expect((tooLong as RemoteError).fieldErrors[0]).toMatchObject({
      field: 'Name',
      message: expect.stringMatching(/256/),
    });
    await local.transport.close();
  });
});
