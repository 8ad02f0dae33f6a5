import rally from 'rally';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_ADMIN_API_KEY,
  type RunningRallySimulator,
  SEED_IDS,
  SEEDED_USERS,
} from '../src/index.ts';
import { startSim } from './helpers.ts';

let sim: RunningRallySimulator;
const admin = SEEDED_USERS[0]!;

beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.simulator.control.reset();
});

const keyClient = () => rally({ server: sim.url, apiKey: DEFAULT_ADMIN_API_KEY });
const ws = `/workspace/${SEED_IDS.workspace}`;

describe('official rally client with an API key', () => {
  it('reads the current user and subscription', async () => {
    const api = keyClient();
    const user = await api.get({ ref: `/user/${admin.oid}` });
    expect(user.Object.UserName).toBe(admin.username);
    expect(user.Object._type).toBe('User');
    const sub = await api.get({ ref: `/subscription/${SEED_IDS.subscription}` });
    expect(sub.Object.SubscriptionID).toBe(4242);
  });

  it('queries with filters, order and paging', async () => {
    const api = keyClient();
    const q = rally.util.query
      .where('Project.Name', '=', 'Team Alpha')
      .and('ScheduleState', '<', 'Completed');
    const res = await api.query({
      type: 'hierarchicalrequirement',
      fetch: ['FormattedID', 'Name', 'ScheduleState'],
      query: q,
      order: 'FormattedID',
      scope: { workspace: ws },
    });
    expect(res.Results.map((r: { FormattedID: string }) => r.FormattedID)).toEqual([
      'US101',
      'US102',
    ]);
    for (const r of res.Results) expect(['Defined', 'In-Progress']).toContain(r.ScheduleState);

    // Paging with a limit: the client follows StartIndex + pageSize until the limit.
    for (let i = 0; i < 7; i++) {
      await api.create({
        type: 'defect',
        data: { Name: `Paged defect ${i}`, Project: `/project/${SEED_IDS.projectBeta}` },
      });
    }
    const paged = await api.query({
      type: 'defect',
      pageSize: 3,
      limit: Infinity,
      fetch: 'FormattedID',
      order: 'ObjectID',
    });
    expect(paged.Results).toHaveLength(8);
    expect(paged.TotalResultCount).toBe(8);
    const limited = await api.query({
      type: 'defect',
      pageSize: 3,
      limit: 5,
      fetch: 'FormattedID',
    });
    expect(limited.Results).toHaveLength(5);
    const page2 = await api.query({
      type: 'defect',
      start: 4,
      pageSize: 3,
      fetch: 'FormattedID',
      order: 'ObjectID',
    });
    expect(page2.StartIndex).toBe(4);
    expect(page2.Results.map((r: { FormattedID: string }) => r.FormattedID)).toEqual(
      paged.Results.slice(3, 6).map((r: { FormattedID: string }) => r.FormattedID),
    );
  });

  it('scopes queries to a project and its children', async () => {
    const api = keyClient();
    const all = await api.query({
      type: 'hierarchicalrequirement',
      fetch: 'FormattedID',
      limit: Infinity,
      scope: { project: `/project/${SEED_IDS.projectAlpha}`, down: true },
    });
    expect(all.Results.map((r: { FormattedID: string }) => r.FormattedID).sort()).toEqual([
      'US101',
      'US102',
      'US105',
    ]);
    const only = await api.query({
      type: 'hierarchicalrequirement',
      fetch: 'FormattedID',
      scope: { project: `/project/${SEED_IDS.projectAlpha}`, down: false },
    });
    expect(only.Results.map((r: { FormattedID: string }) => r.FormattedID).sort()).toEqual([
      'US101',
      'US102',
    ]);
  });

  it('creates, reads, updates and deletes a story', async () => {
    const api = keyClient();
    const created = await api.create({
      type: 'hierarchicalrequirement',
      data: {
        Name: 'Import roadmap from CSV',
        Project: `/project/${SEED_IDS.projectAlpha}`,
        PlanEstimate: 5,
        PortfolioItem: `/portfolioitem/feature/${SEED_IDS.feature}`,
      },
      fetch: ['FormattedID', 'ObjectID', 'ScheduleState', 'PortfolioItem'],
    });
    expect(created.Errors).toEqual([]);
    const story = created.Object;
    expect(story.FormattedID).toMatch(/^US\d+$/);
    expect(story.ScheduleState).toBe('Defined');
    expect(story.PortfolioItem._type).toBe('PortfolioItem/Feature');
    expect(rally.util.ref.getType(story._ref)).toBe('hierarchicalrequirement');

    const read = await api.get({ ref: story._ref, fetch: ['Name', 'PlanEstimate'] });
    expect(read.Object.Name).toBe('Import roadmap from CSV');
    expect(read.Object.PlanEstimate).toBe(5);

    const updated = await api.update({
      ref: story._ref,
      data: { ScheduleState: 'In-Progress', Name: 'Import roadmap (CSV)' },
      fetch: ['Name', 'ScheduleState', 'InProgressDate'],
    });
    expect(updated.Object.ScheduleState).toBe('In-Progress');
    expect(updated.Object.InProgressDate).toMatch(/Z$/);

    await expect(api.update({ ref: story._ref, data: { ScheduleState: 'Done' } })).rejects.toThrow(
      /Valid values are: \[ Defined, In-Progress, Completed, Accepted \]/,
    );

    const deleted = await api.del({ ref: story._ref });
    expect(deleted.Errors).toEqual([]);
    await expect(api.get({ ref: story._ref })).rejects.toThrow('Cannot find object to read');
    const bin = await api.query({
      type: 'recyclebinentry',
      fetch: ['ID', 'Name'],
      query: `(ID = ${story.FormattedID})`,
    });
    expect(bin.Results[0].Name).toBe('Import roadmap (CSV)');
  });

  it('creates, updates and deletes portfolio items, with states', async () => {
    const api = keyClient();
    const states = await api.query({
      type: 'state',
      query: '(TypeDef.Name = "Feature")',
      fetch: ['Name', 'OrderIndex'],
      order: 'OrderIndex',
      scope: { workspace: ws },
    });
    expect(states.Results.map((s: { Name: string }) => s.Name)).toEqual([
      'Discovering',
      'Developing',
      'Measuring',
      'Done',
    ]);
    const initiative = await api.create({
      type: 'portfolioitem/initiative',
      data: { Name: 'Partner API', Project: `/project/${SEED_IDS.projectRoot}` },
    });
    expect(initiative.Object.FormattedID).toMatch(/^I\d+$/);
    const feature = await api.create({
      type: 'portfolioitem/feature',
      data: {
        Name: 'Webhooks for partners',
        Project: `/project/${SEED_IDS.projectAlpha}`,
        Parent: initiative.Object._ref,
        State: states.Results[0]._ref,
        PlannedStartDate: '2025-10-01',
        c_RoadmapId: 'RM-101',
      },
      fetch: ['FormattedID', 'State', 'Parent', 'PlannedStartDate', 'c_RoadmapId'],
    });
    expect(feature.Object.FormattedID).toMatch(/^F\d+$/);
    expect(feature.Object.State._refObjectName).toBe('Discovering');
    expect(feature.Object.PlannedStartDate).toBe('2025-10-01T00:00:00.000Z');
    expect(feature.Object.c_RoadmapId).toBe('RM-101');
    const moved = await api.update({
      ref: feature.Object._ref,
      data: { State: states.Results[1]._ref, Project: `/project/${SEED_IDS.projectBeta}` },
      fetch: ['State', 'Project'],
    });
    expect(moved.Object.State._refObjectName).toBe('Developing');
    expect(moved.Object.Project._refObjectName).toBe('Team Beta');
    const children = await api.query({ ref: `${initiative.Object._ref}/Children`, fetch: 'Name' });
    expect(children.Results.map((r: { Name: string }) => r.Name)).toEqual([
      'Webhooks for partners',
    ]);
    await api.del({ ref: feature.Object._ref });
    const after = await api.query({ ref: `${initiative.Object._ref}/Children` });
    expect(after.TotalResultCount).toBe(0);
  });

  it('walks the project tree', async () => {
    const api = keyClient();
    const wsProjects = await api.query({
      ref: `${ws}/Projects`,
      fetch: ['Name', 'Parent'],
      limit: Infinity,
    });
    expect(wsProjects.Results).toHaveLength(5);
    const roots = wsProjects.Results.filter((p: { Parent: unknown }) => p.Parent === null);
    expect(roots.map((p: { Name: string }) => p.Name)).toEqual(['Acme Portfolio']);
    const level2 = await api.query({
      ref: `${roots[0]._ref}/Children`,
      fetch: 'Name',
      order: 'Name',
    });
    expect(level2.Results.map((p: { Name: string }) => p.Name)).toEqual([
      'Team Alpha',
      'Team Beta',
    ]);
    const level3 = await api.query({ ref: `${level2.Results[0]._ref}/Children`, fetch: 'Name' });
    expect(level3.Results.map((p: { Name: string }) => p.Name)).toEqual(['Alpha Mobile']);
    const workspaces = await api.query({
      ref: `/subscription/${SEED_IDS.subscription}/Workspaces`,
      fetch: ['Name', 'State'],
    });
    expect(workspaces.Results.map((w: { Name: string }) => w.Name).sort()).toEqual([
      'Acme Operations',
      'Acme Product Development',
    ]);
  });

  it('adds to and removes from collections', async () => {
    const api = keyClient();
    const story = `/hierarchicalrequirement/${SEED_IDS.storyParent}`;
    const added = await api.add({
      ref: story,
      collection: 'Tags',
      data: [{ _ref: `/tag/${SEED_IDS.tagQ3}` }, { Name: 'brand-new' }],
      fetch: ['Name'],
    });
    expect(added.Results.map((t: { Name: string }) => t.Name)).toEqual(['q3-commit', 'brand-new']);
    const tags = await api.query({ ref: `${story}/Tags`, fetch: 'Name', order: 'Name' });
    expect(tags.Results.map((t: { Name: string }) => t.Name)).toEqual(['brand-new', 'q3-commit']);
    await api.remove({
      ref: story,
      collection: 'Tags',
      data: [{ _ref: `/tag/${SEED_IDS.tagQ3}` }],
    });
    const left = await api.query({ ref: `${story}/Tags`, fetch: 'Name' });
    expect(left.Results.map((t: { Name: string }) => t.Name)).toEqual(['brand-new']);

    // Adding a story to a feature's UserStories sets the story's PortfolioItem.
    const s = await api.create({
      type: 'hierarchicalrequirement',
      data: { Name: 'Loose story', Project: `/project/${SEED_IDS.projectAlpha}` },
    });
    await api.add({
      ref: `/portfolioitem/feature/${SEED_IDS.feature}`,
      collection: 'UserStories',
      data: [{ _ref: s.Object._ref }],
    });
    const back = await api.get({ ref: s.Object._ref, fetch: ['PortfolioItem', 'Feature'] });
    expect(back.Object.PortfolioItem.ObjectID ?? back.Object.PortfolioItem._ref).toBeTruthy();
    expect(back.Object.Feature._refObjectName).toBe('Roadmap CSV export');
  });

  it('reports validation errors as rejections with the Rally message', async () => {
    const api = keyClient();
    await expect(
      api.create({
        type: 'hierarchicalrequirement',
        data: { Project: `/project/${SEED_IDS.projectAlpha}` },
      }),
    ).rejects.toThrow('Validation error: HierarchicalRequirement.Name should not be null');
    await expect(
      api.query({ type: 'hierarchicalrequirement', query: '(Watchers = 1)' }),
    ).rejects.toThrow("Could not parse: Could not find attribute 'Watchers'");
  });

  it('rejects a wrong API key', async () => {
    const api = rally({ server: sim.url, apiKey: '_wrong' });
    await expect(api.get({ ref: `/user/${admin.oid}` })).rejects.toThrow(
      'Not authorized to perform action: Invalid key',
    );
  });
});

describe('official rally client with basic auth and the security token', () => {
  it('authorizes, then writes with the token', async () => {
    const api = rally({ server: sim.url, user: admin.username, pass: admin.password });
    const users = await api.query({
      type: 'user',
      fetch: ['UserName'],
      query: `(UserName = "${admin.username}")`,
    });
    expect(users.Results[0].UserName).toBe(admin.username);
    const created = await api.create({
      type: 'defect',
      data: { Name: 'Basic-auth defect', Project: `/project/${SEED_IDS.projectAlpha}` },
      fetch: ['FormattedID'],
    });
    expect(created.Object.FormattedID).toMatch(/^DE\d+$/);
    const updated = await api.update({
      ref: created.Object._ref,
      data: { State: 'Fixed' },
      fetch: ['State'],
    });
    expect(updated.Object.State).toBe('Fixed');
    await api.add({ ref: created.Object._ref, collection: 'Tags', data: [{ Name: 'basic' }] });
    await api.del({ ref: created.Object._ref });
  });

  it('fails with a wrong password', async () => {
    const api = rally({ server: sim.url, user: admin.username, pass: 'nope' });
    await expect(api.get({ ref: `/user/${admin.oid}` })).rejects.toThrow(
      'The username or password you entered is incorrect',
    );
  });

  it('rejects a write whose security token is stale', async () => {
    const api = rally({ server: sim.url, user: admin.username, pass: admin.password });
    await api.create({
      type: 'defect',
      data: { Name: 'First', Project: `/project/${SEED_IDS.projectAlpha}` },
    });
    // Dropping the server-side sessions makes the cached token stale, as a server restart would.
    sim.simulator.state.auth.basicSessions.clear();
    await expect(
      api.create({
        type: 'defect',
        data: { Name: 'Second', Project: `/project/${SEED_IDS.projectAlpha}` },
      }),
    ).rejects.toThrow('Not authorized to perform action: Invalid key');
  });
});
