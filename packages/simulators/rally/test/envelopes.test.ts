import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_ADMIN_API_KEY,
  type RunningRallySimulator,
  SEED_IDS,
  SEEDED_USERS,
} from '../src/index.ts';
import { fixture, relRef, shapeDiff } from './fixtures.ts';
import { startSim, WSAPI } from './helpers.ts';

let sim: RunningRallySimulator;
const admin = SEEDED_USERS[0]!;
const basic = `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`;

beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.simulator.control.reset());
async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = { zsessionid: DEFAULT_ADMIN_API_KEY },
): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(`${sim.url}${WSAPI}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, headers: res.headers };
}

describe('envelopes match the reference fixtures', () => {
  it('GET /security/authorize (basic) → OperationResult.SecurityToken, session cookie', async () => {
    const r = await call('GET', '/security/authorize', undefined, { authorization: basic });
    expect(r.status).toBe(200);
    expect(shapeDiff(fixture('security-authorize'), r.json)).toEqual([]);
    expect(r.json.OperationResult.SecurityToken).toMatch(/^[\w-]{20,}$/);
    expect(r.headers.get('set-cookie')).toMatch(/JSESSIONID=/);
  });

  it('a basic-auth write without the token → the invalid-key OperationResult, HTTP 200', async () => {
    const r = await call(
      'POST',
      '/defect/create',
      { Defect: { Name: 'x', Project: `/project/${SEED_IDS.projectAlpha}` } },
      { authorization: basic },
    );
    expect(r.status).toBe(200);
    expect(r.json).toEqual(fixture('operation-result-invalid-key'));
  });

  it('unauthenticated → 401 with a Basic challenge and a JSON envelope', async () => {
    const r = await call('GET', '/hierarchicalrequirement', undefined, {});
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Basic realm="Rally ALM"');
    expect(r.json.OperationResult.Errors).toEqual([
      'An Authentication object was not found in the SecurityContext',
    ]);
  });

  it('a read-only API key cannot write (401)', async () => {
    const ro = SEEDED_USERS.find((u) => u.apiKeyReadOnly)!;
    const r = await call(
      'POST',
      '/defect/create',
      { Defect: { Name: 'x' } },
      { zsessionid: ro.apiKey },
    );
    expect(r.status).toBe(401);
    expect(r.json.OperationResult.Errors).toEqual([
      'Not authorized to perform action: Invalid key',
    ]);
  });

  it('GET /subscription and GET /user', async () => {
    const sub = await call('GET', '/subscription');
    expect(shapeDiff(fixture('subscription'), sub.json)).toEqual([]);
    const expected = fixture('subscription').Subscription;
    for (const k of [
      'ObjectID',
      'ObjectUUID',
      'Name',
      'SubscriptionID',
      'ProjectHierarchyEnabled',
      'Modules',
    ])
      expect(sub.json.Subscription[k]).toEqual(expected[k]);
    expect(relRef(sub.json.Subscription._ref)).toBe(relRef(expected._ref));

    const user = await call('GET', '/user');
    expect(shapeDiff(fixture('user-current'), user.json)).toEqual([]);
    const eu = fixture('user-current').User;
    for (const k of [
      'ObjectID',
      'ObjectUUID',
      'UserName',
      'EmailAddress',
      'DisplayName',
      'FirstName',
      'LastName',
      'SubscriptionAdmin',
      '_refObjectName',
    ])
      expect(user.json.User[k]).toEqual(eu[k]);
  });

  it('single read of a story', async () => {
    const r = await call('GET', `/hierarchicalrequirement/${SEED_IDS.storyChild}`);
    const f = fixture('get-hierarchicalrequirement');
    expect(shapeDiff(f, r.json)).toEqual([]);
    const s = r.json.HierarchicalRequirement;
    for (const k of [
      'ObjectID',
      'ObjectUUID',
      'FormattedID',
      'Name',
      'ScheduleState',
      'ScheduleStatePrefix',
      'PlanEstimate',
      'HasParent',
      'DirectChildrenCount',
      'Errors',
      'Warnings',
      '_type',
    ]) {
      expect(s[k], k).toEqual(f.HierarchicalRequirement[k]);
    }
    expect(relRef(s.Parent._ref)).toBe(relRef(f.HierarchicalRequirement.Parent._ref));
    expect(relRef(s.Children._ref)).toBe(relRef(f.HierarchicalRequirement.Children._ref));
    // The same object by UUID and with the Java toolkit's `.js` suffix.
    const byUuid = await call('GET', `/hierarchicalrequirement/${s.ObjectUUID}.js`);
    expect(byUuid.json.HierarchicalRequirement.ObjectID).toBe(SEED_IDS.storyChild);
    expect(byUuid.json.HierarchicalRequirement.Warnings[0]).toMatch(
      /no longer necessary to append "\.js"/,
    );
  });

  it('query of stories with fetch=true', async () => {
    const r = await call(
      'GET',
      `/hierarchicalrequirement?fetch=true&query=${encodeURIComponent('(FormattedID <= US102)')}&order=FormattedID`,
    );
    const f = fixture('query-result-hierarchicalrequirement');
    expect(shapeDiff(f, r.json)).toEqual([]);
    expect(r.json.QueryResult.TotalResultCount).toBe(2);
    expect(r.json.QueryResult.Results.map((x: { FormattedID: string }) => x.FormattedID)).toEqual([
      'US101',
      'US102',
    ]);
    // US101 has a child, so its Iteration/Release are cleared and its state rolls up.
    const parent = r.json.QueryResult.Results[0];
    expect(parent.Iteration).toBeNull();
    expect(parent.Release).toBeNull();
    expect(parent.ScheduleState).toBe('In-Progress');
    expect(parent.PlanEstimate).toBe(3);
  });

  it('query without fetch returns ref stubs only', async () => {
    const r = await call('GET', '/project?pagesize=2&order=Name');
    expect(r.json.QueryResult.PageSize).toBe(2);
    expect(Object.keys(r.json.QueryResult.Results[0]).sort()).toEqual([
      '_rallyAPIMajor',
      '_rallyAPIMinor',
      '_ref',
      '_refObjectName',
      '_refObjectUUID',
      '_type',
    ]);
  });

  it('create a feature from the fixture request → CreateResult', async () => {
    const body = structuredClone(fixture('create-request-portfolioitem-feature'));
    const r = await call('POST', '/portfolioitem/feature/create', body);
    const f = fixture('create-result');
    expect(r.json.CreateResult.Errors).toEqual([]);
    expect(shapeDiff(f, r.json)).toEqual([]);
    const o = r.json.CreateResult.Object;
    expect(o.FormattedID).toMatch(/^F\d+$/);
    expect(o.State._refObjectName).toBe('Discovering');
    expect(o.Parent._type).toBe('PortfolioItem/Initiative');
    expect(o.c_RoadmapId).toBe('RM-88');
    expect(o.PortfolioItemType._refObjectName).toBe('Feature');
    expect(relRef(o.UserStories._ref)).toBe(
      `${WSAPI}/PortfolioItem/Feature/${o.ObjectID}/UserStories`,
    );
  });

  it('update with an unknown field → OperationResult with an Ignored JSON element warning', async () => {
    const r = await call('PUT', `/portfolioitem/feature/${SEED_IDS.feature}`, {
      'portfolioitem/feature': { State: `/state/${SEED_IDS.featureStates[1]}`, c_Unknown: 'x' },
    });
    const f = fixture('update-result');
    expect(shapeDiff(f, r.json)).toEqual([]);
    expect(r.json.OperationResult.Warnings).toEqual(f.OperationResult.Warnings);
    expect(r.json.OperationResult.Object.State._refObjectName).toBe('Developing');
    expect(r.json.OperationResult.Object._objectVersion).toBe('2');
  });

  it('delete → empty OperationResult; create error → CreateResult with Errors; bad query → QueryResult error', async () => {
    const del = await call('DELETE', `/hierarchicalrequirement/${SEED_IDS.storyChild}`);
    expect(del.json).toEqual(fixture('delete-result'));
    const err = await call('POST', '/hierarchicalrequirement/create', {
      HierarchicalRequirement: { Project: `/project/${SEED_IDS.projectAlpha}` },
    });
    expect(err.status).toBe(200);
    expect(err.json).toEqual(fixture('operation-result-error'));
    const q = await call(
      'GET',
      `/hierarchicalrequirement?query=${encodeURIComponent('(Watchers = 1)')}`,
    );
    expect(q.status).toBe(200);
    expect(q.json).toEqual(fixture('query-result-error'));
  });

  it('states, project hierarchy, workspaces, release', async () => {
    const states = await call(
      'GET',
      `/state?query=${encodeURIComponent('(TypeDef.Name = "Feature")')}&fetch=Name,OrderIndex,Enabled,WIPLimit,TypeDef,ObjectID&order=OrderIndex&workspace=/workspace/${SEED_IDS.workspace}`,
    );
    expect(shapeDiff(fixture('states-portfolioitem-feature'), states.json)).toEqual([]);
    expect(states.json.QueryResult.Results.map((s: { ObjectID: number }) => s.ObjectID)).toEqual([
      ...SEED_IDS.featureStates,
    ]);

    const projects = await call(
      'GET',
      `/project?workspace=/workspace/${SEED_IDS.workspace}&fetch=Name,Parent,Children,State,Workspace,ObjectID,ObjectUUID&pagesize=2000&order=ObjectID`,
    );
    expect(shapeDiff(fixture('projects-hierarchy'), projects.json)).toEqual([]);
    expect(projects.json.QueryResult.Results[0].Children.Count).toBe(2);

    const workspaces = await call(
      'GET',
      `/subscription/${SEED_IDS.subscription}/Workspaces?fetch=Name,State,ObjectID,ObjectUUID,Projects&order=ObjectID`,
    );
    expect(shapeDiff(fixture('workspaces'), workspaces.json)).toEqual([]);

    const release = await call('GET', `/release/${SEED_IDS.release}`);
    expect(shapeDiff(fixture('release'), release.json)).toEqual([]);
    expect(release.json.Release.ReleaseDate).toBe(fixture('release').Release.ReleaseDate);
  });

  it('schema discovery: type definition, attributes, allowed values', async () => {
    const td = await call('GET', `/typedefinition/${SEED_IDS.featureTypeDef}`);
    const f = fixture('typedefinition-portfolioitem-feature');
    const { Attributes: _a, ...top } = f.TypeDefinition;
    expect(shapeDiff({ TypeDefinition: top }, td.json)).toEqual([]);
    expect(td.json.TypeDefinition.TypePath).toBe('PortfolioItem/Feature');
    const attrs = await call(
      'GET',
      `/typedefinition/${SEED_IDS.featureTypeDef}/Attributes?fetch=ElementName,Name,AttributeType,Required,ReadOnly,Custom,AllowedValues,MaxLength&pagesize=2000`,
    );
    const byName = new Map<string, Record<string, unknown>>(
      attrs.json.QueryResult.Results.map((a: { ElementName: string }) => [a.ElementName, a]),
    );
    expect(byName.get('Name')).toMatchObject({
      Required: true,
      AttributeType: 'STRING',
      MaxLength: 256,
    });
    expect(byName.get('c_RoadmapId')).toMatchObject({ Custom: true });
    expect(byName.get('FormattedID')).toMatchObject({ ReadOnly: true });
    const hrTd = await call(
      'GET',
      `/typedefinition?query=${encodeURIComponent('(TypePath = "HierarchicalRequirement")')}&workspace=/workspace/${SEED_IDS.workspace}`,
    );
    const hrAttrs = await call(
      'GET',
      `${relRef(hrTd.json.QueryResult.Results[0]._ref)?.toString().replace(WSAPI, '')}/Attributes?query=${encodeURIComponent('(ElementName = ScheduleState)')}&fetch=AllowedValues`,
    );
    const allowedRef = relRef(hrAttrs.json.QueryResult.Results[0].AllowedValues._ref) as string;
    const allowed = await call(
      'GET',
      `${allowedRef.replace(WSAPI, '')}?fetch=StringValue,LocalizedStringValue,ValueIndex&order=ValueIndex`,
    );
    expect(shapeDiff(fixture('allowedvalues-schedulestate'), allowed.json)).toEqual([]);
    expect(
      allowed.json.QueryResult.Results.map((v: { StringValue: string }) => v.StringValue),
    ).toEqual(['Defined', 'In-Progress', 'Completed', 'Accepted']);
    const piTypes = await call(
      'GET',
      `/typedefinition?query=${encodeURIComponent('((Parent.Name = "Portfolio Item") AND (Creatable = true))')}&fetch=Name,TypePath,IDPrefix,Ordinal&order=Ordinal&workspace=/workspace/${SEED_IDS.workspace}`,
    );
    expect(piTypes.json.QueryResult.Results.map((t: { TypePath: string }) => t.TypePath)).toEqual([
      'PortfolioItem/Feature',
      'PortfolioItem/Initiative',
    ]);
  });

  it('collection add → OperationResult.Results; attachments in two steps', async () => {
    const add = await call('POST', `/HierarchicalRequirement/${SEED_IDS.storyParent}/Tags/add`, {
      CollectionItems: [
        { _ref: `/tag/${SEED_IDS.tagQ3}` },
        { _ref: `/tag/${SEED_IDS.tagRoadmap}` },
      ],
    });
    expect(add.json).toEqual(
      JSON.parse(
        JSON.stringify(fixture('collection-add-result')).replaceAll(
          'https://rally1.rallydev.com',
          sim.url,
        ),
      ),
    );

    const steps = fixture('attachment-create-requests');
    const content = await call(
      'POST',
      '/attachmentcontent/create',
      steps['step1_POST_/attachmentcontent/create'],
    );
    expect(shapeDiff(steps.step1_response, content.json)).toEqual([]);
    const body = structuredClone(steps['step2_POST_/attachment/create']);
    body.Attachment.Content = relRef(content.json.CreateResult.Object._ref);
    const att = await call('POST', '/attachment/create', body);
    expect(shapeDiff(steps.step2_response, att.json)).toEqual([]);
    const read = await call(
      'GET',
      `${(relRef(att.json.CreateResult.Object.Content._ref) as string).replace(WSAPI, '')}`,
    );
    expect(read.json.AttachmentContent.Content).toBe(
      steps['step1_POST_/attachmentcontent/create'].AttachmentContent.Content,
    );
    // Deleting the attachment deletes its content.
    await call('DELETE', (relRef(att.json.CreateResult.Object._ref) as string).replace(WSAPI, ''));
    const gone = await call(
      'GET',
      `${(relRef(att.json.CreateResult.Object.Content._ref) as string).replace(WSAPI, '')}`,
    );
    expect(gone.json.OperationResult.Errors).toEqual(['Cannot find object to read']);
  });
});

describe('behaviour that trips integrations', () => {
  it('required fields, allowed values, text size limit, HTML whitelist', async () => {
    const project = `/project/${SEED_IDS.projectAlpha}`;
    const noProject = await call('POST', '/hierarchicalrequirement/create', {
      HierarchicalRequirement: { Name: 'x' },
    });
    expect(noProject.json.CreateResult.Errors).toEqual([
      'Validation error: HierarchicalRequirement.Project should not be null',
    ]);
    const badState = await call('POST', '/defect/create', {
      Defect: { Name: 'x', Project: project, Severity: 'Catastrophic' },
    });
    expect(badState.json.CreateResult.Errors[0]).toMatch(
      /^Could not convert: Value \[ Catastrophic \] for field \[ Severity \] is invalid/,
    );
    const big = await call('POST', '/hierarchicalrequirement/create', {
      HierarchicalRequirement: { Name: 'x', Project: project, Description: 'a'.repeat(32769) },
    });
    expect(big.json.CreateResult.Errors[0]).toMatch(
      /HierarchicalRequirement\.Description must not be longer than 32768/,
    );
    const html = await call('POST', '/hierarchicalrequirement/create', {
      HierarchicalRequirement: { Name: '<script>alert(1)</script>', Project: project },
    });
    expect(html.json.CreateResult.Errors[0]).toContain(
      "contained invalid input. Search 'HTML Whitelist'",
    );
    const both = await call('POST', '/hierarchicalrequirement/create', {
      HierarchicalRequirement: {
        Name: 'x',
        Project: project,
        Parent: `/hierarchicalrequirement/${SEED_IDS.storyParent}`,
        PortfolioItem: `/portfolioitem/feature/${SEED_IDS.feature}`,
      },
    });
    expect(both.json.CreateResult.Errors[0]).toContain('parentArtifact should not be set');
  });

  it('roll-ups: tasks drive the story state, children drive the parent, leaf stories drive the feature', async () => {
    const project = `/project/${SEED_IDS.projectAlpha}`;
    const story = (
      await call('POST', '/hierarchicalrequirement/create', {
        HierarchicalRequirement: {
          Name: 'Rollup',
          Project: project,
          PortfolioItem: `/portfolioitem/feature/${SEED_IDS.feature}`,
          PlanEstimate: 2,
        },
      })
    ).json.CreateResult.Object;
    const task = (
      await call('POST', '/task/create', {
        Task: { Name: 't1', WorkProduct: story._ref, Estimate: 4 },
      })
    ).json.CreateResult.Object;
    await call('POST', `/task/${task.ObjectID}`, { Task: { State: 'In-Progress' } });
    let s = (
      await call(
        'GET',
        `/hierarchicalrequirement/${story.ObjectID}?fetch=ScheduleState,TaskEstimateTotal`,
      )
    ).json.HierarchicalRequirement;
    expect(s.ScheduleState).toBe('In-Progress');
    expect(s.TaskEstimateTotal).toBe(4);
    await call('POST', `/task/${task.ObjectID}`, { Task: { State: 'Completed' } });
    s = (await call('GET', `/hierarchicalrequirement/${story.ObjectID}?fetch=ScheduleState`)).json
      .HierarchicalRequirement;
    expect(s.ScheduleState).toBe('Completed');
    await call('PUT', `/hierarchicalrequirement/${story.ObjectID}`, {
      HierarchicalRequirement: { ScheduleState: 'Accepted' },
    });
    const feature = (
      await call(
        'GET',
        `/portfolioitem/feature/${SEED_IDS.feature}?fetch=LeafStoryCount,AcceptedLeafStoryCount,PercentDoneByStoryCount,LeafStoryPlanEstimateTotal`,
      )
    ).json.Feature;
    expect(feature).toMatchObject({
      LeafStoryCount: 2,
      AcceptedLeafStoryCount: 1,
      PercentDoneByStoryCount: 0.5,
      LeafStoryPlanEstimateTotal: 5,
    });
  });

  it('moving to another project, and refusing another workspace', async () => {
    const moved = await call(
      'PUT',
      `/hierarchicalrequirement/${SEED_IDS.storyParent}?fetch=Project`,
      { HierarchicalRequirement: { Project: `/project/${SEED_IDS.projectBeta}` } },
    );
    expect(moved.json.OperationResult.Object.Project._refObjectName).toBe('Team Beta');
    const cross = await call('PUT', `/hierarchicalrequirement/${SEED_IDS.storyParent}`, {
      HierarchicalRequirement: { Project: `/project/${SEED_IDS.opsSre}` },
    });
    expect(cross.json.OperationResult.Errors[0]).toMatch(/same workspace/);
  });

  it('rank ordering with rankAbove / rankTo', async () => {
    const ids = async () =>
      (
        await call('GET', '/hierarchicalrequirement?order=Rank&fetch=FormattedID&pagesize=100')
      ).json.QueryResult.Results.map((r: { FormattedID: string }) => r.FormattedID);
    const before = await ids();
    await call('PUT', `/hierarchicalrequirement/7000000105?rankTo=TOP`, {
      HierarchicalRequirement: {},
    });
    expect((await ids())[0]).toBe('US105');
    await call(
      'PUT',
      `/hierarchicalrequirement/7000000103?rankAbove=/hierarchicalrequirement/7000000105`,
      { HierarchicalRequirement: { _ref: '/hierarchicalrequirement/7000000103' } },
    );
    const after = await ids();
    expect(after.slice(0, 2)).toEqual(['US103', 'US105']);
    expect(after.length).toBe(before.length);
  });

  it('the 13th concurrent request of one user waits (queue) or gets 429 (reject mode)', async () => {
    // Each request holds its slot long enough for all 14 to overlap, even on a busy machine.
    sim.simulator.control.setLatency({ fixedMs: 600 });
    sim.simulator.control.setConcurrency({ limit: 12, mode: 'reject' });
    const results = await Promise.all(
      Array.from({ length: 14 }, () =>
        call('GET', `/hierarchicalrequirement/${SEED_IDS.storyParent}?fetch=Name`),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    expect(results.find((r) => r.status === 429)?.headers.get('retry-after')).toBe('1');
    sim.simulator.control.setConcurrency({ limit: 12, mode: 'queue' });
    const queued = await Promise.all(
      Array.from({ length: 14 }, () =>
        call('GET', `/hierarchicalrequirement/${SEED_IDS.storyParent}?fetch=Name`),
      ),
    );
    expect(queued.every((r) => r.status === 200)).toBe(true);
    expect(sim.simulator.state.limiter.peak.get(String(admin.oid))).toBe(12);
  });
});

describe('story hierarchy', () => {
  it('a story that gets its first child hands its tasks to the child and rolls up from it', async () => {
    const project = `/project/${SEED_IDS.projectBeta}`;
    const parent = (
      await call('POST', '/hierarchicalrequirement/create', {
        HierarchicalRequirement: {
          Name: 'Parent',
          Project: project,
          Iteration: null,
          PlanEstimate: 8,
        },
      })
    ).json.CreateResult.Object;
    await call('POST', '/task/create', {
      Task: { Name: 'Task of the parent', WorkProduct: parent._ref, Estimate: 2 },
    });
    const child = (
      await call('POST', '/hierarchicalrequirement/create', {
        HierarchicalRequirement: { Name: 'Child', Project: project, PlanEstimate: 3 },
      })
    ).json.CreateResult.Object;
    await call('PUT', `/hierarchicalrequirement/${child.ObjectID}`, {
      HierarchicalRequirement: { Parent: parent._ref },
    });
    const tasks = await call('GET', `/hierarchicalrequirement/${child.ObjectID}/Tasks?fetch=Name`);
    expect(tasks.json.QueryResult.Results.map((t: { Name: string }) => t.Name)).toEqual([
      'Task of the parent',
    ]);
    const p = (
      await call(
        'GET',
        `/hierarchicalrequirement/${parent.ObjectID}?fetch=PlanEstimate,DirectChildrenCount,TaskEstimateTotal`,
      )
    ).json.HierarchicalRequirement;
    expect(p).toMatchObject({ PlanEstimate: 3, DirectChildrenCount: 1, TaskEstimateTotal: 0 });
  });
});

describe('collection writes follow the same rules as updates', () => {
  it('refuses to add a story with a Parent to a feature (parentArtifact) and rolls back', async () => {
    const r = await call('POST', `/PortfolioItem/Feature/${SEED_IDS.feature}/UserStories/add`, {
      CollectionItems: [{ _ref: `/hierarchicalrequirement/${SEED_IDS.storyChild}` }],
    });
    expect(r.json.OperationResult.Errors[0]).toContain('parentArtifact should not be set');
    const child = (
      await call(
        'GET',
        `/hierarchicalrequirement/${SEED_IDS.storyChild}?fetch=PortfolioItem,_objectVersion`,
      )
    ).json.HierarchicalRequirement;
    expect(child.PortfolioItem).toBeNull();
    const cycle = await call(
      'POST',
      `/HierarchicalRequirement/${SEED_IDS.storyChild}/Children/add`,
      { CollectionItems: [{ _ref: `/hierarchicalrequirement/${SEED_IDS.storyParent}` }] },
    );
    expect(cycle.json.OperationResult.Errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('cannot be the story itself or one of its descendants'),
      ]),
    );
  });
});

describe('recycle bin', () => {
  it('a deleted artifact leaves WSAPI; its recycle-bin entry keeps its ObjectID', async () => {
    await call('DELETE', `/hierarchicalrequirement/${SEED_IDS.storyChild}`);
    const entry = await call(
      'GET',
      `/recyclebinentry/${SEED_IDS.storyChild}?fetch=ID,Name,Type,DeletedBy,DeletionDate`,
    );
    expect(entry.json.RecycleBinEntry).toMatchObject({
      ID: 'US102',
      Name: 'CSV column mapping',
      Type: 'Hierarchical Requirement',
    });
    expect(entry.json.RecycleBinEntry.DeletedBy._refObjectName).toBe('Pat Planner');
    // The task went with its story; the parent no longer counts the child.
    const task = await call('GET', '/task/7200000021');
    expect(task.json.OperationResult.Errors).toEqual(['Cannot find object to read']);
    const parent = (
      await call(
        'GET',
        `/hierarchicalrequirement/${SEED_IDS.storyParent}?fetch=DirectChildrenCount`,
      )
    ).json.HierarchicalRequirement;
    expect(parent.DirectChildrenCount).toBe(0);
  });

  it('ranks stay ordered by code point after many moves', async () => {
    const ids = [7000000101, 7000000103, 7000000104, 7000000105];
    for (let i = 0; i < 30; i++) {
      const a = ids[i % ids.length];
      const b = ids[(i * 3 + 1) % ids.length];
      if (a !== b)
        await call('PUT', `/hierarchicalrequirement/${a}?rankAbove=/hierarchicalrequirement/${b}`, {
          HierarchicalRequirement: {},
        });
    }
    await call('PUT', '/hierarchicalrequirement/7000000104?rankTo=BOTTOM', {
      HierarchicalRequirement: {},
    });
    await call('PUT', '/hierarchicalrequirement/7000000103?rankTo=TOP', {
      HierarchicalRequirement: {},
    });
    const r = await call(
      'GET',
      '/hierarchicalrequirement?order=DragAndDropRank&fetch=FormattedID,DragAndDropRank&pagesize=100',
    );
    const rows = r.json.QueryResult.Results as Array<{
      FormattedID: string;
      DragAndDropRank: string;
    }>;
    expect(rows[0]?.FormattedID).toBe('US103');
    expect(rows.at(-1)?.FormattedID).toBe('US104');
    const ranks = rows.map((x) => x.DragAndDropRank);
    expect([...ranks].sort()).toEqual(ranks);
  });
});

describe('collection membership is type-checked', () => {
  it('refuses an initiative as a child of a feature', async () => {
    const r = await call('POST', `/PortfolioItem/Feature/${SEED_IDS.feature}/Children/add`, {
      CollectionItems: [{ _ref: `/portfolioitem/initiative/${SEED_IDS.initiative}` }],
    });
    expect(r.json.OperationResult.Errors[0]).toMatch(
      /cannot be added to PortfolioItem\/Feature\.Children/,
    );
    const ok = await call('POST', `/PortfolioItem/Initiative/5000000004/Children/add`, {
      CollectionItems: [{ _ref: `/portfolioitem/feature/${SEED_IDS.feature}` }],
    });
    expect(ok.json.OperationResult.Errors).toEqual([]);
    const f = (await call('GET', `/portfolioitem/feature/${SEED_IDS.feature}?fetch=Parent`)).json
      .Feature;
    expect(f.Parent._refObjectName).toBe('Mobile parity');
  });
});

describe('rank on create', () => {
  it('rankTo=TOP and rankAbove apply to a new artifact', async () => {
    const top = await call('POST', '/hierarchicalrequirement/create?rankTo=TOP&fetch=FormattedID', {
      HierarchicalRequirement: { Name: 'Urgent', Project: `/project/${SEED_IDS.projectAlpha}` },
    });
    const above = await call(
      'POST',
      `/hierarchicalrequirement/create?rankAbove=/hierarchicalrequirement/${SEED_IDS.storyParent}&fetch=FormattedID`,
      {
        HierarchicalRequirement: {
          Name: 'Before US101',
          Project: `/project/${SEED_IDS.projectAlpha}`,
        },
      },
    );
    const r = await call(
      'GET',
      '/hierarchicalrequirement?order=Rank&fetch=FormattedID&pagesize=100',
    );
    const order = r.json.QueryResult.Results.map((x: { FormattedID: string }) => x.FormattedID);
    expect(order[0]).toBe(top.json.CreateResult.Object.FormattedID);
    expect(order.indexOf(above.json.CreateResult.Object.FormattedID)).toBe(
      order.indexOf('US101') - 1,
    );
  });
});
