import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rallyConnector as rally } from '../src/index.ts';
import {
  DEFAULT_ADMIN_API_KEY,
  makeCtx,
  scope,
  startSim,
  type TestContext,
} from './support/sim.ts';

let sim: Awaited<ReturnType<typeof startSim>>;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.simulator.control.clearFaults());

const dropNextCreate = () =>
  sim.simulator.control.addFault({
    method: 'POST',
    path: '/create',
    action: 'drop-after-commit',
    times: 1,
  });

async function countNamed(type: string, name: string): Promise<number> {
  const query = encodeURIComponent(`(Name = "${name}")`);
  const res = await fetch(
    `${sim.url}/slm/webservice/v2.0/${type}?query=${query}&workspace=/workspace/${scope.workspaceId}`,
    {
      headers: { zsessionid: DEFAULT_ADMIN_API_KEY },
    },
  );
  return ((await res.json()) as { QueryResult: { TotalResultCount: number } }).QueryResult
    .TotalResultCount;
}

async function createThenRecover(ctx: TestContext, type: string, name: string, token: string) {
  dropNextCreate();
  const error = await rally
    .createRecord(ctx, { scope, type, fields: { Name: name }, idempotencyToken: token })
    .catch((e: unknown) => e);
  expect(error).toMatchObject({ kind: 'connection_dropped', ambiguous: true });
  // What the engine does next: look the record up before trying again.
  const found = await rally.findByIdempotencyToken(ctx, { scope, type, idempotencyToken: token });
  expect(found?.fields.Name).toBe(name);
  // The transport did not repeat the create on its own.
  expect(ctx.log.filter((l) => l.method === 'POST' && l.url.includes('/create'))).toHaveLength(1);
  expect(await countNamed(type.toLowerCase(), name)).toBe(1);
  return found;
}

describe('idempotent create after a dropped connection', () => {
  it('finds the committed story by the token in Notes, which reads back without it', async () => {
    const ctx = makeCtx(sim.url);
    const found = await createThenRecover(
      ctx,
      'HierarchicalRequirement',
      'Dropped story',
      'tok-story-1',
    );
    expect(found?.fields.Notes).toBe('');
    await ctx.transport.close();
  });

  it('keeps the user’s Notes around the marker', async () => {
    const ctx = makeCtx(sim.url);
    const created = await rally.createRecord(ctx, {
      scope,
      type: 'PortfolioItem/Feature',
      fields: { Name: 'With notes', Notes: '<p>Keep me</p>' },
      idempotencyToken: 'tok-notes-1',
    });
    expect(created.fields.Notes).toBe('<p>Keep me</p>');
    const found = await rally.findByIdempotencyToken(ctx, {
      scope,
      type: 'PortfolioItem/Feature',
      idempotencyToken: 'tok-notes-1',
    });
    expect(found?.id).toBe(created.id);
    await ctx.transport.close();
  });

  it('a token shared as a prefix does not match another token', async () => {
    const ctx = makeCtx(sim.url);
    await rally.createRecord(ctx, {
      scope,
      type: 'PortfolioItem/Feature',
      fields: { Name: 'p' },
      idempotencyToken: 'tok-prefix-10',
    });
    const found = await rally.findByIdempotencyToken(ctx, {
      scope,
      type: 'PortfolioItem/Feature',
      idempotencyToken: 'tok-prefix-1',
    });
    expect(found).toBeNull();
    await ctx.transport.close();
  });

  it('can keep the token in a custom field instead', async () => {
    const ctx = makeCtx(sim.url, { config: { idempotencyField: 'c_RoadmapId' } });
    const found = await createThenRecover(
      ctx,
      'PortfolioItem/Feature',
      'Dropped feature',
      'tok-custom-1',
    );
    expect(found?.fields.c_RoadmapId).toBe('tok-custom-1');
    expect(found?.fields.Notes).toBe('');
    await ctx.transport.close();
  });
});

describe('where the token can go', () => {
  it('a custom token field the type does not have is refused before anything is created', async () => {
    const ctx = makeCtx(sim.url, { config: { idempotencyField: 'c_TandemToken' } });
    const error = await rally
      .createRecord(ctx, {
        scope,
        type: 'Release',
        fields: { Name: 'x' },
        idempotencyToken: 'tok-missing-field',
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'validation', fieldErrors: [{ field: 'c_TandemToken' }] });
    expect(ctx.log.some((l) => l.method === 'POST')).toBe(false);
    await ctx.transport.close();
  });

  it('a create whose rank fails still returns the created record', async () => {
    const ctx = makeCtx(sim.url);
    const record = await rally.createRecord(ctx, {
      scope,
      type: 'PortfolioItem/Feature',
      fields: {
        Name: 'Ranked against nothing',
        Rank: { above: { type: 'PortfolioItem/Feature', id: '999999999' } },
      },
      idempotencyToken: 'tok-rank-fails',
    });
    expect(record.fields.Name).toBe('Ranked against nothing');
    expect(ctx.log.find((l) => l.operation === 'rankRecord')?.status).toBe(200);
    await ctx.transport.close();
  });
});
