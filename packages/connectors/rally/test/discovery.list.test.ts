import type { ProjectNode } from '@tandem/connector-kit';
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

const flatten = (nodes: ProjectNode[]): ProjectNode[] =>
  nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe('discovery', () => {
  it('checkConnection names the user by UUID (what webhooks call the author)', async () => {
    expect(await rally.checkConnection(ctx)).toEqual({
      userId: 'ae784947-d29d-4cf4-8ed0-000000000301',
      displayName: 'Pat Planner',
      email: 'pat.planner@acme.example',
    });
  });

  it('lists the subscription’s open workspaces', async () => {
    const workspaces = await rally.listWorkspaces(ctx);
    expect(workspaces).toEqual(
      expect.arrayContaining([
        { id: String(SEED_IDS.workspace), name: 'Acme Product Development' },
        { id: String(SEED_IDS.workspace2), name: 'Acme Operations' },
      ]),
    );
  });

  it('builds the project tree of one workspace', async () => {
    const roots = await rally.listProjects(ctx, scope.workspaceId);
    expect(roots.map((r) => r.name)).toEqual(['Acme Portfolio']);
    const alpha = flatten(roots).find((p) => p.name === 'Team Alpha');
    expect(alpha).toMatchObject({
      id: String(SEED_IDS.projectAlpha),
      parentId: String(SEED_IDS.projectRoot),
    });
    expect(alpha?.children.map((c) => c.name)).toEqual(['Alpha Mobile']);
    const other = await rally.listProjects(ctx, String(SEED_IDS.workspace2));
    expect(flatten(other).map((p) => p.id)).not.toContain(String(SEED_IDS.projectAlpha));
  });

  it('lists the record types a roadmap maps to, with their parents', async () => {
    const types = await rally.listRecordTypes(ctx, scope);
    const byId = new Map(types.map((t) => [t.id, t]));
    expect(byId.get('PortfolioItem/Feature')?.parentTypes).toEqual(['PortfolioItem/Initiative']);
    expect(byId.get('HierarchicalRequirement')).toMatchObject({
      label: 'User Story',
      parentTypes: ['PortfolioItem/Feature', 'HierarchicalRequirement'],
    });
    for (const id of ['PortfolioItem/Initiative', 'Release', 'Defect', 'Task'])
      expect(byId.has(id)).toBe(true);
  });

  it('describes fields: required ones, read-only ones and allowed values', async () => {
    const release = await rally.listFields(ctx, scope, 'Release');
    const field = (name: string) => release.find((f) => f.name === name);
    for (const name of ['Name', 'ReleaseStartDate', 'ReleaseDate']) {
      expect(field(name)?.required).toBe(true);
    }
    // Required by Rally, but filled by the connector: a mapping need not provide them.
    expect(field('Project')?.required).toBe(false);
    expect(field('State')?.required).toBe(false);
    const task = await rally.listFields(ctx, scope, 'Task');
    const required = task.filter((f) => f.required).map((f) => f.name);
    expect(required.sort()).toEqual(['Name', 'State']);
    expect(field('ReleaseDate')?.type).toBe('date');
    expect(field('State')).toMatchObject({
      type: 'enum',
      allowedValues: ['Planning', 'Active', 'Accepted'],
    });
    expect(field('Notes')?.type).toBe('html');

    const story = await rally.listFields(ctx, scope, 'HierarchicalRequirement');
    expect(story.find((f) => f.name === 'ScheduleState')?.allowedValues).toEqual(
      expect.arrayContaining(['Defined', 'In-Progress', 'Completed', 'Accepted']),
    );
    expect(story.find((f) => f.name === 'FormattedID')?.readOnly).toBe(true);
    expect(story.find((f) => f.name === 'c_RoadmapId')).toMatchObject({
      type: 'string',
      required: false,
    });

    const feature = await rally.listFields(ctx, scope, 'PortfolioItem/Feature');
    expect(feature.find((f) => f.name === 'State')?.allowedValues).toEqual([
      'Discovering',
      'Developing',
      'Measuring',
      'Done',
    ]);
  });

  it('lists states: State objects for portfolio items, ScheduleState for stories', async () => {
    const feature = await rally.listStates(ctx, scope, 'PortfolioItem/Feature');
    expect(feature.map((s) => [s.name, s.category])).toEqual([
      ['Discovering', 'todo'],
      ['Developing', 'in_progress'],
      ['Measuring', 'in_progress'],
      ['Done', 'done'],
    ]);
    expect(feature[0]?.id).toBe(String(SEED_IDS.featureStates[0]));
    const story = await rally.listStates(ctx, scope, 'HierarchicalRequirement');
    expect(story.find((s) => s.name === 'Accepted')?.category).toBe('done');
    expect(story.find((s) => s.name === 'Defined')?.category).toBe('todo');
  });

  it('refuses an unknown record type with not_found', async () => {
    await expect(rally.listFields(ctx, scope, 'PortfolioItem/Nope')).rejects.toMatchObject({
      kind: 'not_found',
    });
  });
});
