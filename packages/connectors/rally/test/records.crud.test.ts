import type { RemoteRecord } from '@tandem/connector-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rallyConnector as rally } from '../src/index.ts';
import {
  DEFAULT_ADMIN_API_KEY,
  makeCtx,
  scope,
  startSim,
  type TestContext,
} from './support/sim.ts';

let sim: Awaited<ReturnType<typeof startSim>>;
let ctx: TestContext;
beforeAll(async () => {
  sim = await startSim();
  ctx = makeCtx(sim.url, { config: { timeZone: 'America/Chicago' } });
});
afterAll(async () => {
  await ctx.transport.close();
  await sim.close();
});

let n = 0;
const token = () => `records-test-${++n}`;
const create = (type: string, fields: Record<string, unknown>, parent?: RemoteRecord) =>
  rally.createRecord(ctx, {
    scope,
    type,
    fields,
    idempotencyToken: token(),
    ...(parent ? { parent: { type: parent.type, id: parent.id } } : {}),
  });

describe('what each roadmap record becomes in Rally', () => {
  it('release → Release with inclusive dates, Planning, in the integrated project', async () => {
    const release = await create('Release', {
      Name: '2025.Q3',
      ReleaseStartDate: '2025-07-01',
      ReleaseDate: '2025-09-30',
      State: 'Planning',
      Notes: '<p>Theme: <em>exports</em></p>',
    });
    expect(release).toMatchObject({
      type: 'Release',
      formattedId: '2025.Q3',
      url: `${sim.url}/slm/#/detail/release/${release.id}`,
    });
    expect(release.fields).toMatchObject({
      ReleaseStartDate: '2025-07-01',
      ReleaseDate: '2025-09-30',
      State: 'Planning',
      Project: scope.projectId,
      Notes: '<p>Theme: <em>exports</em></p>',
    });
    const raw = await fetch(
      `${sim.url}/slm/webservice/v2.0/release/${release.id}?fetch=ReleaseDate`,
      {
        headers: { zsessionid: DEFAULT_ADMIN_API_KEY },
      },
    );
    const body = (await raw.json()) as { Release: { ReleaseDate: string } };
    // The last second of 30 September in Chicago.
    expect(body.Release.ReleaseDate).toBe('2025-10-01T04:59:59.000Z');
  });

  it('initiative → feature (Parent) → story (PortfolioItem), with the release by ref', async () => {
    const release = await create('Release', {
      Name: 'R-links',
      ReleaseStartDate: '2025-10-01',
      ReleaseDate: '2025-12-31',
    });
    const initiative = await create('PortfolioItem/Initiative', { Name: 'Self-service reporting' });
    expect(initiative.formattedId).toMatch(/^I\d+$/);
    const feature = await create(
      'PortfolioItem/Feature',
      {
        Name: 'Roadmap CSV export',
        Description: '<p>Export <strong>everything</strong></p>',
        State: 'Developing',
        PlannedStartDate: '2025-10-01',
        PlannedEndDate: '2025-12-31',
        Release: { type: 'Release', id: release.id },
        Tags: ['roadmap', 'csv'],
      },
      initiative,
    );
    expect(feature.formattedId).toMatch(/^F\d+$/);
    expect(feature.parentId).toBe(initiative.id);
    expect(feature.fields).toMatchObject({
      Name: 'Roadmap CSV export',
      Description: '<p>Export <strong>everything</strong></p>',
      State: 'Developing',
      PlannedStartDate: '2025-10-01',
      PlannedEndDate: '2025-12-31',
      Release: release.id,
      Parent: initiative.id,
      Tags: ['roadmap', 'csv'],
      Notes: '',
    });
    const story = await create(
      'HierarchicalRequirement',
      { Name: 'CSV columns', ScheduleState: 'Defined' },
      feature,
    );
    expect(story.formattedId).toMatch(/^US\d+$/);
    expect(story.parentId).toBe(feature.id);
    expect(story.fields.PortfolioItem).toBe(feature.id);
    expect(story.url).toBe(`${sim.url}/slm/#/detail/userstory/${story.id}`);
  });

  it('a story under a story uses Parent', async () => {
    const parent = await create('HierarchicalRequirement', { Name: 'Parent story' });
    const child = await create('HierarchicalRequirement', { Name: 'Child story' }, parent);
    expect(child.parentId).toBe(parent.id);
    expect(child.fields.Parent).toBe(parent.id);
  });

  it('refuses a parent Rally cannot hold, before calling it', async () => {
    const release = await create('Release', {
      Name: 'R-x',
      ReleaseStartDate: '2025-01-01',
      ReleaseDate: '2025-01-31',
    });
    const initiative = await create('PortfolioItem/Initiative', { Name: 'I' });
    await expect(
      create('PortfolioItem/Initiative', { Name: 'nested' }, release),
    ).rejects.toMatchObject({
      kind: 'validation',
    });
    await expect(rally.linkChild(ctx, { type: 'Task', id: '1' }, initiative)).rejects.toMatchObject(
      { kind: 'validation' },
    );
  });
});

describe('records', () => {
  it('read → update → read: fields, version and updatedAt move together', async () => {
    const feature = await create('PortfolioItem/Feature', { Name: 'Before', State: 'Discovering' });
    const read = await rally.readRecord(ctx, feature);
    expect(read.version).toBe(feature.version);
    const updated = await rally.updateRecord(ctx, feature, {
      fields: { Name: 'After', State: 'Done', Description: '<p>new</p>' },
      expectedVersion: read.version,
    });
    expect(updated.version).not.toBe(feature.version);
    expect(updated.fields).toMatchObject({
      Name: 'After',
      State: 'Done',
      Description: '<p>new</p>',
    });
    await expect(
      rally.updateRecord(ctx, feature, {
        fields: { Name: 'Stale' },
        expectedVersion: feature.version,
      }),
    ).rejects.toMatchObject({ kind: 'conflict', retryable: false });
    expect((await rally.readRecord(ctx, feature)).fields.Name).toBe('After');
  });

  it('a create asked for some fields answers with those and the record’s identity only', async () => {
    const whole = await create('HierarchicalRequirement', { Name: 'Whole story' });
    const lean = await rally.createRecord(ctx, {
      scope,
      type: 'HierarchicalRequirement',
      fields: { Name: 'Lean story', ScheduleState: 'Defined' },
      idempotencyToken: token(),
      returnFields: ['Name', 'ScheduleState'],
    });
    expect(lean).toMatchObject({
      type: 'HierarchicalRequirement',
      formattedId: expect.stringMatching(/^US\d+$/),
      url: `${sim.url}/slm/#/detail/userstory/${lean.id}`,
      version: expect.any(String),
      fields: { Name: 'Lean story', ScheduleState: 'Defined', Project: scope.projectId },
    });
    expect(lean.fields).not.toHaveProperty('Description');
    expect(whole.fields).toHaveProperty('Description');
    expect(Object.keys(lean.fields).length).toBeLessThan(Object.keys(whole.fields).length / 2);
    // The record itself is whole in Rally.
    expect((await rally.readRecord(ctx, { type: lean.type, id: lean.id })).fields).toMatchObject({
      Name: 'Lean story',
      ScheduleState: 'Defined',
    });
  });

  it('an unknown state name is a validation error listing the states', async () => {
    const error = await create('PortfolioItem/Feature', { Name: 'x', State: 'Shipped' }).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ kind: 'validation' });
    expect(error.fieldErrors[0]).toMatchObject({ field: 'State' });
    expect(error.fieldErrors[0].message).toContain('Discovering');
  });

  it('ranks: Rank { above } puts a record above another, TOP and BOTTOM work', async () => {
    const first = await create('PortfolioItem/Feature', { Name: 'Rank A' });
    const second = await create('PortfolioItem/Feature', {
      Name: 'Rank B',
      Rank: { above: first },
    });
    // Rally's rank strings are opaque: ask Rally for the order, as its boards do.
    const order = async () => {
      const query = `((ObjectID = ${first.id}) OR (ObjectID = ${second.id}))`;
      const url = `${sim.url}/slm/webservice/v2.0/portfolioitem/feature?query=${encodeURIComponent(query)}&order=DragAndDropRank&fetch=Name`;
      const res = await fetch(url, { headers: { zsessionid: DEFAULT_ADMIN_API_KEY } });
      const body = (await res.json()) as { QueryResult: { Results: { Name: string }[] } };
      return body.QueryResult.Results.map((r) => r.Name);
    };
    expect(await order()).toEqual(['Rank B', 'Rank A']);
    await rally.updateRecord(ctx, second, { fields: { Rank: 'BOTTOM' } });
    expect(await order()).toEqual(['Rank A', 'Rank B']);
    await rally.updateRecord(ctx, second, { fields: { Rank: { above: first } } });
    expect(await order()).toEqual(['Rank B', 'Rank A']);
    await rally.updateRecord(ctx, first, { fields: { Rank: 'TOP' } });
    expect(await order()).toEqual(['Rank A', 'Rank B']);
  });

  it('linkChild moves a story under another feature and a feature into a release', async () => {
    const a = await create('PortfolioItem/Feature', { Name: 'Feature A' });
    const b = await create('PortfolioItem/Feature', { Name: 'Feature B' });
    const story = await create('HierarchicalRequirement', { Name: 'Moving story' }, a);
    await rally.linkChild(ctx, b, story);
    expect((await rally.readRecord(ctx, story)).parentId).toBe(b.id);
    const release = await create('Release', {
      Name: 'R-link',
      ReleaseStartDate: '2026-01-01',
      ReleaseDate: '2026-03-31',
    });
    await rally.linkChild(ctx, release, b);
    expect((await rally.readRecord(ctx, b)).fields.Release).toBe(release.id);
  });

  it('deleteRecord sends the record to the recycle bin: reads fail with not_found', async () => {
    const feature = await create('PortfolioItem/Feature', { Name: 'Doomed' });
    await rally.deleteRecord(ctx, feature);
    await expect(rally.readRecord(ctx, feature)).rejects.toMatchObject({
      kind: 'not_found',
      retryable: false,
    });
  });
});

describe('fields Rally would ignore', () => {
  it('a field the type does not have is refused before anything is sent', async () => {
    const before = ctx.log.length;
    const error = await create('PortfolioItem/Feature', {
      Name: 'x',
      c_NoSuchField: 'y',
      Childs: [],
    }).catch((e) => e);
    expect(error).toMatchObject({ kind: 'validation', retryable: false });
    expect(error.fieldErrors.map((f: { field: string }) => f.field)).toEqual([
      'c_NoSuchField',
      'Childs',
    ]);
    expect(ctx.log.slice(before).some((l) => l.method === 'POST')).toBe(false);
  });

  it('a read-only field is refused on update; identity fields from a snapshot are dropped', async () => {
    const feature = await create('PortfolioItem/Feature', { Name: 'RO' });
    await expect(
      rally.updateRecord(ctx, feature, { fields: { LeafStoryCount: 3 } }),
    ).rejects.toMatchObject({ kind: 'validation', fieldErrors: [{ field: 'LeafStoryCount' }] });
    const updated = await rally.updateRecord(ctx, feature, {
      fields: { Name: 'RO 2', _ref: feature.fields._ref, ObjectID: 1, FormattedID: 'F0' },
    });
    expect(updated.formattedId).toBe(feature.formattedId);
  });

  it('Owner given as an e-mail is matched to the Rally user; nobody matching leaves it unset', async () => {
    const owned = await create('HierarchicalRequirement', {
      Name: 'Owned',
      Owner: 'dana.developer@acme.example',
    });
    expect(owned.fields.Owner).toBe('4000000003');
    const unknown = await create('HierarchicalRequirement', {
      Name: 'Unowned',
      Owner: 'nobody@acme.example',
    });
    expect(unknown.fields.Owner).not.toBe('4000000003');
  });

  it('a new release is in Planning unless told otherwise', async () => {
    const release = await create('Release', {
      Name: 'R-default',
      ReleaseStartDate: '2026-04-01',
      ReleaseDate: '2026-06-30',
    });
    expect(release.fields.State).toBe('Planning');
  });
});

describe('round trips through Rally', () => {
  it('the roadmap editor’s HTML comes back from Rally unchanged', async () => {
    const html = [
      '<h2>Goal</h2><p>Export the <strong>roadmap</strong> to <em>CSV</em> &amp; Excel.<br>Second line</p>',
      '<ul><li><p>one</p></li><li><p>two <a href="https://example.com/a?b=1&amp;c=2">link</a></p></li></ul>',
      '<pre><code>a &lt; b</code></pre><img src="https://example.com/x.png" alt="x">',
      '<table><tbody><tr><td>1</td></tr></tbody></table><p style="text-align: center">c</p>',
    ].join('');
    const feature = await create('PortfolioItem/Feature', { Name: 'Rich', Description: html });
    expect((await rally.readRecord(ctx, feature)).fields.Description).toBe(html);
  });

  it('references may be bare ObjectIDs; a task goes under a story', async () => {
    const initiative = await create('PortfolioItem/Initiative', { Name: 'By id' });
    const feature = await create('PortfolioItem/Feature', {
      Name: 'Child by id',
      Parent: initiative.id,
    });
    expect(feature.parentId).toBe(initiative.id);
    const story = await create('HierarchicalRequirement', {
      Name: 'Story by id',
      PortfolioItem: feature.id,
    });
    expect(story.parentId).toBe(feature.id);
    const task = await create('Task', { Name: 'Write the exporter' }, story);
    expect(task).toMatchObject({ type: 'Task', parentId: story.id });
    expect(task.formattedId).toMatch(/^TA\d+$/);
  });
});
