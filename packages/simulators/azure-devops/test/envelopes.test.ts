import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FULL_PAT, type RunningAzureDevOpsSimulator, SEED_IDS } from '../src/index.ts';
import { fixture, officialBody } from './fixtures.ts';
import { patHeaders, startSim } from './helpers.ts';
import { startReceiver } from './receiver.ts';

let sim: RunningAzureDevOpsSimulator;
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
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${sim.orgUrl}${path}`, {
    method,
    headers: {
      ...patHeaders(DEFAULT_FULL_PAT),
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, headers: res.headers, json, text };
}

const keys = (o: object) => Object.keys(o).sort();
const patch = (path: string, ops: unknown[], query = '') =>
  call('PATCH', `${path}${query}`, ops, { 'content-type': 'application/json-patch+json' });
const create = (project: string, type: string, ops: unknown[]) =>
  call(
    'POST',
    `/${encodeURIComponent(project)}/_apis/wit/workitems/$${encodeURIComponent(type)}`,
    ops,
    {
      'content-type': 'application/json-patch+json',
    },
  );

describe('discovery', () => {
  it('OPTIONS on each area lists the locations of the fixtures', async () => {
    for (const area of ['Location', 'core', 'wit', 'hooks']) {
      const expected = fixture(`discovery/options-${area.toLowerCase()}.json`);
      const res = await call('OPTIONS', `/_apis/${area}`);
      expect(res.status).toBe(200);
      expect(res.json.count).toBe(expected.count);
      expect(res.json.value).toEqual(expected.value);
    }
    expect((await call('OPTIONS', '/_apis/WIT')).json.count).toBe(17);
  });

  it('ResourceAreas points every area at the organisation URL', async () => {
    const expected = fixture('discovery/resourceareas.json');
    const res = await call('GET', '/_apis/ResourceAreas', undefined, {
      accept: 'application/json;api-version=7.2-preview.1',
    });
    expect(res.json.value).toEqual(
      expected.value.map((a: any) => ({ ...a, locationUrl: `${sim.orgUrl}/` })),
    );
  });
});

describe('api-version', () => {
  it('comes from the query or the Accept header (query first) and is echoed in the content type', async () => {
    const a = await call('GET', '/_apis/projects', undefined, {
      accept: 'application/json;api-version=7.2-preview.4',
    });
    expect(a.headers.get('content-type')).toBe(
      'application/json; charset=utf-8; api-version=7.2-preview.4',
    );
    const b = await call('GET', '/_apis/projects?api-version=7.1', undefined, {
      accept: 'application/json;api-version=7.2-preview.4',
    });
    expect(b.headers.get('content-type')).toContain('api-version=7.1');
  });

  it('refuses an unreleased version without -preview, one out of range, and a write without any', async () => {
    const preview = await call('GET', '/_apis/projects?api-version=7.2');
    expect(preview.status).toBe(400);
    expect(preview.json.typeKey).toBe('VssInvalidPreviewVersionException');
    const range = await call('GET', '/_apis/projects?api-version=8.0');
    expect(range.json.message).toContain('out of range');
    const write = await call('POST', '/Roadmap%20Demo/_apis/wit/workitems/$Task', [], {
      accept: 'application/json',
      'content-type': 'application/json-patch+json',
    });
    expect(write.status).toBe(400);
    expect(write.json.typeKey).toBe('VssVersionNotSpecifiedException');
  });
});

describe('authentication', () => {
  it('answers a bad token with the 203 sign-in page unless the redirect is suppressed', async () => {
    const bad = { authorization: `Basic ${Buffer.from(':wrong').toString('base64')}` };
    const trap = await fetch(`${sim.orgUrl}/_apis/projects`, { headers: bad });
    expect(trap.status).toBe(203);
    expect(trap.headers.get('content-type')).toContain('text/html');
    const suppressed = await fetch(`${sim.orgUrl}/_apis/projects`, {
      headers: { ...bad, 'X-TFS-FedAuthRedirect': 'Suppress' },
    });
    expect(suppressed.status).toBe(401);
    expect(suppressed.headers.get('www-authenticate')).toBe('Basic realm="https://dev.azure.com/"');
    expect(keys((await suppressed.json()) as object)).toEqual(
      keys(fixture('errors.json').TF401232_workitem_not_found_404),
    );
  });

  it('ignores the Basic user name and takes the token alone', async () => {
    const res = await fetch(`${sim.orgUrl}/_apis/projects`, {
      headers: {
        authorization: `Basic ${Buffer.from(`anyone:${DEFAULT_FULL_PAT}`).toString('base64')}`,
      },
    });
    expect(res.status).toBe(200);
  });
});

describe('core', () => {
  it('projects and teams have the shapes of the official examples', async () => {
    const projects = await call('GET', '/_apis/projects');
    const example = officialBody('core-projects-list');
    expect(keys(projects.json)).toEqual(keys(example));
    for (const p of projects.json.value)
      expect(keys(p)).toEqual(expect.arrayContaining(keys(example.value[1])));
    const teams = await call('GET', `/_apis/projects/${SEED_IDS.projects.roadmap}/teams`);
    const teamExample = officialBody('core-teams-list');
    for (const t of teams.json.value)
      expect(keys(t)).toEqual(expect.arrayContaining(keys(teamExample.value[0])));
  });

  it('pages projects with $top and a continuation token', async () => {
    const first = await call('GET', '/_apis/projects?$top=3');
    expect(first.json.count).toBe(3);
    const token = first.headers.get('x-ms-continuationtoken');
    const rest = await call('GET', `/_apis/projects?$top=3&continuationToken=${token}`);
    expect(rest.json.value.map((p: any) => p.name)).toEqual(['Roadmap Demo']);
    expect(rest.headers.get('x-ms-continuationtoken')).toBeNull();
  });

  it('an unknown project is TF200016', async () => {
    const res = await call('GET', '/_apis/projects/Nope');
    expect(res.status).toBe(404);
    expect(res.json.message).toMatch(/^TF200016: The following project does not exist: Nope\./);
  });
});

describe('work item tracking', () => {
  it('creates with the shape of the official example', async () => {
    const example = officialBody('wit-workitem-create');
    const res = await create('Roadmap Demo', 'Task', [
      { op: 'add', path: '/fields/System.Title', from: null, value: 'Sample task' },
    ]);
    expect(res.status).toBe(200);
    expect(keys(res.json)).toEqual(keys(example));
    // Azure DevOps 7.1 adds System.CommentCount to the 2017 example's fields.
    expect(keys(res.json.fields)).toEqual(keys({ ...example.fields, 'System.CommentCount': 0 }));
    expect(keys(res.json.fields['System.CreatedBy'])).toEqual(
      keys(example.fields['System.CreatedBy']),
    );
    expect(res.json.fields['System.Reason']).toBe('New');
    expect(res.json.fields['Microsoft.VSTS.Common.Priority']).toBe(2);
    expect(keys(res.json._links)).toEqual(
      expect.arrayContaining([
        'self',
        'workItemUpdates',
        'workItemRevisions',
        'html',
        'workItemType',
        'fields',
      ]),
    );
  });

  it('batch reads and WIQL answer like the examples', async () => {
    const batch = await call('POST', '/_apis/wit/workitemsbatch', {
      ids: [2, 3, 999],
      fields: ['System.Id', 'System.Title', 'System.WorkItemType'],
      errorPolicy: 'omit',
    });
    const example = officialBody('wit-workitemsbatch');
    expect(keys(batch.json.value[0])).toEqual(keys(example.value[0]));
    expect(batch.json.value[2]).toBeNull();
    const failing = await call('POST', '/_apis/wit/workitemsbatch', { ids: [2, 999] });
    expect(failing.status).toBe(404);
    const wiql = await call('POST', '/Roadmap%20Demo/_apis/wit/wiql', {
      query:
        "Select [System.Id], [System.Title], [System.State] From WorkItems Where [System.WorkItemType] = 'User Story' AND [State] <> 'Closed' order by [Microsoft.VSTS.Common.Priority] asc, [System.CreatedDate] desc",
    });
    const wiqlExample = officialBody('wit-wiql-query');
    expect(keys(wiql.json)).toEqual(expect.arrayContaining(keys(wiqlExample)));
    expect(wiql.json.columns.map((c: any) => c.name)).toEqual(
      wiqlExample.columns.map((c: any) => c.name),
    );
    expect(wiql.json.sortColumns.map((c: any) => [c.field.name, c.descending])).toEqual(
      wiqlExample.sortColumns.map((c: any) => [c.field.name, c.descending]),
    );
    expect(wiql.json.workItems).toEqual(
      [3, 4].map((id) => ({ id, url: `${sim.orgUrl}/_apis/wit/workItems/${id}` })),
    );
    const bad = await call('POST', '/_apis/wit/wiql', {
      query: 'SELECT [System.Nope] FROM WorkItems',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/^TF51005/);
  });

  it('states, area nodes and attachments have the shapes of the examples', async () => {
    // The example's process has one custom state more than Agile's Bug.
    const states = await call('GET', '/Roadmap%20Demo/_apis/wit/workitemtypes/Bug/states');
    const example = officialBody('wit-workitemtype-states');
    const agile = example.value.filter((s: any) => s.name !== 'CustomState');
    expect(states.json).toEqual({ count: agile.length, value: agile });
    const nodes = await call('GET', '/Roadmap%20Demo/_apis/wit/classificationNodes/Areas?$depth=2');
    const nodeExample = officialBody('wit-classificationnodes-areas-depth2');
    expect(keys(nodes.json)).toEqual(expect.arrayContaining(keys(nodeExample)));
    expect(keys(nodes.json.children[0])).toEqual(
      expect.arrayContaining(keys(nodeExample.children[0])),
    );
    const upload = await fetch(
      `${sim.orgUrl}/_apis/wit/attachments?fileName=textAsFileAttachment.txt&api-version=7.1`,
      {
        method: 'POST',
        headers: { ...patHeaders(DEFAULT_FULL_PAT), 'content-type': 'application/octet-stream' },
        body: 'User text content to upload',
      },
    );
    expect(upload.status).toBe(201);
    const body = (await upload.json()) as any;
    expect(keys(body)).toEqual(keys(officialBody('wit-attachment-create', '201')));
    expect(body.url).toBe(
      `${sim.orgUrl}/_apis/wit/attachments/${body.id}?fileName=textAsFileAttachment.txt`,
    );
  });

  it('updates list the changes like the example, bookkeeping included', async () => {
    await patch('/_apis/wit/workitems/3', [
      { op: 'add', path: '/fields/System.State', value: 'Active' },
    ]);
    const res = await call('GET', '/_apis/wit/workitems/3/updates');
    const example = officialBody('wit-workitem-updates-list');
    const last = res.json.value[res.json.value.length - 1];
    expect(keys(last)).toEqual(keys(example.value[example.value.length - 1]));
    expect(keys(last.fields)).toEqual(
      expect.arrayContaining([
        'System.Rev',
        'System.AuthorizedDate',
        'System.RevisedDate',
        'System.ChangedDate',
        'System.Watermark',
        'System.State',
        'System.Reason',
      ]),
    );
    expect(last.revisedDate).toBe('9999-01-01T00:00:00Z');
  });

  it('errors carry the bodies of errors.json', async () => {
    const errors = fixture('errors.json');
    const missing = await call('GET', '/_apis/wit/workitems/501');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual(errors.TF401232_workitem_not_found_404);
    // The seeded feature is at rev 3 (its two stories' links each added a revision).
    const stale = await patch('/_apis/wit/workitems/2', [
      { op: 'test', path: '/rev', value: 3 },
      { op: 'add', path: '/fields/System.Title', value: 'x' },
    ]);
    const staleAgain = await patch('/_apis/wit/workitems/2', [
      { op: 'test', path: '/rev', value: 3 },
    ]);
    expect(stale.status).toBe(200);
    expect(staleAgain.status).toBe(412);
    expect(staleAgain.json).toEqual(errors.VS403351_test_rev_failed_412);
    const rule = await patch('/_apis/wit/workitems/2', [
      { op: 'add', path: '/fields/System.State', value: 'Nope' },
    ]);
    expect(rule.status).toBe(400);
    expect(rule.json).toEqual(errors.TF401320_rule_error_400);
  });
});

describe('service hooks', () => {
  it('subscription answers have the shape of the fixture and mask the password', async () => {
    const example = fixture('webhooks/subscription-create-workitem-updated.json');
    const res = await call('POST', '/_apis/hooks/subscriptions', {
      ...example.request.body,
      publisherInputs: {
        ...example.request.body.publisherInputs,
        projectId: SEED_IDS.projects.roadmap,
        areaPath: 'Roadmap Demo\\Web',
      },
    });
    expect(res.status).toBe(200);
    expect(keys(res.json)).toEqual(keys(example.response.body));
    expect(keys(res.json.publisherInputs)).toEqual(keys(example.response.body.publisherInputs));
    expect(res.json.consumerInputs).toEqual(example.response.body.consumerInputs);
    expect(res.json.actionDescription).toBe('To host roadmap.example.com');
  });

  it('deliveries have the envelope and resources of the fixtures', async () => {
    const receiver = await startReceiver();
    try {
      for (const eventType of ['workitem.created', 'workitem.updated', 'workitem.deleted']) {
        await call('POST', '/_apis/hooks/subscriptions', {
          publisherId: 'tfs',
          eventType,
          consumerId: 'webHooks',
          consumerActionId: 'httpRequest',
          publisherInputs: { projectId: SEED_IDS.projects.roadmap, workItemType: 'Feature' },
          consumerInputs: { url: receiver.url },
        });
      }
      const created = await create('Roadmap Demo', 'Feature', [
        { op: 'add', path: '/fields/System.Title', value: 'Bulk export of roadmap items' },
      ]);
      const id = created.json.id;
      await patch(`/_apis/wit/workitems/${id}`, [
        { op: 'add', path: '/fields/System.State', value: 'Active' },
      ]);
      await call('DELETE', `/_apis/wit/workitems/${id}`);
      await sim.simulator.control.flushWebhooks();
      const byType = Object.fromEntries(receiver.received.map((r) => [r.body.eventType, r.body]));
      for (const [eventType, file] of [
        ['workitem.created', 'workitem.created'],
        ['workitem.updated', 'workitem.updated.state-change'],
        ['workitem.deleted', 'workitem.deleted'],
      ] as const) {
        const expected = fixture(`webhooks/${file}.json`);
        const got = byType[eventType];
        expect(keys(got)).toEqual(keys(expected));
        expect(keys(got.resourceContainers)).toEqual(keys(expected.resourceContainers));
        expect(keys(got.resource)).toEqual(keys(expected.resource));
      }
      const updated = byType['workitem.updated'];
      expect(keys(updated.resource.revision)).toEqual(
        keys(fixture('webhooks/workitem.updated.state-change.json').resource.revision),
      );
      expect(updated.resource.fields['System.Reason']).toEqual({
        oldValue: 'New feature',
        newValue: 'Implementation started',
      });
      expect(updated.resource.revision.fields['System.CreatedBy']).toBe(
        'Morgan Planner <morgan.planner@tandem-demo.example>',
      );
      expect(byType['workitem.deleted'].resource.url).toBe(
        `${sim.orgUrl}/_apis/wit/recyclebin/${id}`,
      );
      expect(updated.message.text).toMatch(
        new RegExp(
          `^Feature #${id} \\(Bulk export of roadmap items\\) updated by Morgan Planner\\.`,
        ),
      );
    } finally {
      await receiver.close();
    }
  });
});

describe('pages', () => {
  it('shows a work item at /_workitems/edit/{id}, with and without the project', async () => {
    const withProject = await fetch(`${sim.orgUrl}/${SEED_IDS.projects.roadmap}/_workitems/edit/2`);
    expect(withProject.status).toBe(200);
    const html = await withProject.text();
    expect(html).toContain('Bulk export of roadmap items');
    expect(html).toContain('href="/tandem-demo/_workitems/edit/3"');
    expect((await fetch(`${sim.orgUrl}/_workitems/edit/2`)).status).toBe(200);
    expect((await fetch(`${sim.orgUrl}/_workitems/edit/999`)).status).toBe(404);
  });
});
