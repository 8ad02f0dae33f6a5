import type { RemoteChange } from '@tandem/connector-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rallyConnector as rally } from '../src/index.ts';
import { makeCtx, SEED_IDS, scope, startSim, type TestContext } from './support/sim.ts';

let sim: Awaited<ReturnType<typeof startSim>>;
let ctx: TestContext;
beforeAll(async () => {
  sim = await startSim();
  ctx = makeCtx(sim.url);
});
afterAll(async () => {
  await ctx.transport.close();
  await sim.close();
});

const stories = ['HierarchicalRequirement'];
const createStories = (count: number, project: number = SEED_IDS.projectAlpha, prefix = 'Bulk') =>
  Array.from({ length: count }, (_, i) =>
    sim.simulator.control.actAs({
      user: 'dana.developer@acme.example',
      action: 'create',
      type: 'HierarchicalRequirement',
      data: { Name: `${prefix} ${i}`, Project: `/project/${project}` },
    }),
  );

async function drain(
  cursor: string,
): Promise<{ changes: RemoteChange[]; cursor: string; polls: number }> {
  const changes: RemoteChange[] = [];
  let polls = 0;
  for (;;) {
    const page = await rally.changesSince(ctx, { scope, cursor, types: stories });
    polls += 1;
    cursor = page.nextCursor;
    if (page.changes.length === 0) return { changes, cursor, polls };
    changes.push(...page.changes);
  }
}

describe('changesSince', () => {
  it('reports many changes made in one millisecond each exactly once, oldest first, across pages and polls', async () => {
    const start = await rally.changesSince(ctx, { scope, cursor: null, types: stories });
    expect(start.changes).toEqual([]);
    const made = createStories(1100);
    const { changes, polls } = await drain(start.nextCursor);
    expect(polls).toBe(3); // 1000 (the most one poll reports per type), then 100, then nothing
    expect(changes.map((c) => c.ref.id).sort()).toEqual(made.map((o) => String(o?.oid)).sort());
    expect(new Set(changes.map((c) => c.changeId)).size).toBe(1100);
    expect(changes.every((c) => c.kind === 'created')).toBe(true);
    // A create names its creator (Dana's user UUID), as a webhook would.
    const dana = 'ae784947-d29d-4cf4-8ed0-000000000303';
    expect(new Set(changes.map((c) => c.changedBy))).toEqual(new Set([dana]));
    expect(new Set(changes.map((c) => c.createdBy))).toEqual(new Set([dana]));
    const times = changes.map((c) => c.changedAt);
    expect([...times].sort()).toEqual(times);
  });

  it('an update after the cursor is reported once, with the new version', async () => {
    const start = await rally.changesSince(ctx, { scope, cursor: null, types: stories });
    const [story] = createStories(1, SEED_IDS.projectAlpha, 'Edited');
    const first = await drain(start.nextCursor);
    expect(first.changes.map((c) => c.kind)).toEqual(['created']);
    await new Promise((r) => setTimeout(r, 5));
    const edited = sim.simulator.control.actAs({
      user: 'dana.developer@acme.example',
      action: 'update',
      ref: story?.oid,
      data: { ScheduleState: 'Completed' },
    });
    const second = await drain(first.cursor);
    expect(second.changes).toMatchObject([
      {
        kind: 'updated',
        ref: { id: String(story?.oid) },
        version: String(edited?.values.VersionId),
        // Rally does not say who made an update; the creator is still known.
        changedBy: null,
        createdBy: 'ae784947-d29d-4cf4-8ed0-000000000303',
      },
    ]);
  });

  it('polls the project with its children, or only the project when child updates are excluded', async () => {
    const excluded = makeCtx(sim.url, { config: { excludeChildUpdates: true } });
    const withChildren = await rally.changesSince(ctx, { scope, cursor: null, types: stories });
    const withoutChildren = await rally.changesSince(excluded, {
      scope,
      cursor: null,
      types: stories,
    });
    createStories(1, SEED_IDS.projectAlphaMobile, 'Child project');
    createStories(1, SEED_IDS.projectBeta, 'Other team');
    const seen = await rally.changesSince(ctx, {
      scope,
      cursor: withChildren.nextCursor,
      types: stories,
    });
    const notSeen = await rally.changesSince(excluded, {
      scope,
      cursor: withoutChildren.nextCursor,
      types: stories,
    });
    expect(seen.changes).toHaveLength(1);
    expect(notSeen.changes).toHaveLength(0);
    await excluded.transport.close();
  });

  it('refuses a cursor it did not make', async () => {
    await expect(
      rally.changesSince(ctx, { scope, cursor: 'bogus', types: stories }),
    ).rejects.toMatchObject({
      kind: 'validation',
    });
  });
});
