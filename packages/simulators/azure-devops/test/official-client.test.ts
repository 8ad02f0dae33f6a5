import { Readable } from 'node:stream';
import * as azdev from 'azure-devops-node-api';
import { Operation } from 'azure-devops-node-api/interfaces/common/VSSInterfaces.js';
import {
  TreeStructureGroup,
  WorkItemExpand,
} from 'azure-devops-node-api/interfaces/WorkItemTrackingInterfaces.js';
import type { IWorkItemTrackingApi } from 'azure-devops-node-api/WorkItemTrackingApi.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_FULL_PAT,
  DEFAULT_USERS,
  EXPIRED_PAT,
  REVOKED_PAT,
  type RunningAzureDevOpsSimulator,
  SEED_IDS,
} from '../src/index.ts';
import { startSim } from './helpers.ts';
import { startReceiver } from './receiver.ts';

let sim: RunningAzureDevOpsSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.simulator.control.reset());

const connect = (token = DEFAULT_FULL_PAT) =>
  new azdev.WebApi(sim.orgUrl, azdev.getPersonalAccessTokenHandler(token));
const add = (field: string, value: unknown) => ({
  op: Operation.Add,
  path: `/fields/${field}`,
  value,
});
const PROJECT = 'Roadmap Demo';

async function createFeature(wit: IWorkItemTrackingApi, title = 'Roadmap import') {
  return wit.createWorkItem(
    undefined,
    [
      add('System.Title', title),
      add('System.AreaPath', 'Roadmap Demo\\Web'),
      add('System.Description', '<p>From <b>Tandem</b></p>'),
    ],
    PROJECT,
    'Feature',
  );
}

describe('the official azure-devops-node-api client, unchanged', () => {
  it('connects and says who the token belongs to', async () => {
    const data = await connect().connect();
    expect(data.authenticatedUser?.providerDisplayName).toBe('Morgan Planner');
    expect(data.authenticatedUser?.id).toBe(DEFAULT_USERS[0]!.id);
  });

  it('lists projects, a project with its process, and teams', async () => {
    const core = await connect().getCoreApi();
    const projects = await core.getProjects();
    expect(projects.map((p) => p.name).sort()).toEqual([
      'Compliance',
      'Operations',
      'Platform',
      'Roadmap Demo',
    ]);
    const roadmap = await core.getProject(PROJECT, true);
    expect(roadmap.id).toBe(SEED_IDS.projects.roadmap);
    expect(roadmap.capabilities?.processTemplate?.templateName).toBe('Agile');
    expect(roadmap.defaultTeam?.name).toBe('Roadmap Demo Team');
    const teams = await core.getTeams(SEED_IDS.projects.roadmap);
    expect(teams.map((t) => t.name).sort()).toEqual([
      'Mobile Team',
      'Roadmap Demo Team',
      'Web Team',
    ]);
  });

  it('reads the area and iteration trees', async () => {
    const wit = await connect().getWorkItemTrackingApi();
    const [areas, iterations] = await wit.getRootNodes(PROJECT, 5);
    expect(areas?.name).toBe(PROJECT);
    expect(areas?.children?.map((n) => n.name)).toEqual(['Web', 'Mobile']);
    expect(areas?.children?.[0]?.children?.map((n) => n.name)).toEqual(['Frontend', 'Backend']);
    expect(areas?.children?.[0]?.children?.[0]?.path).toBe('\\Roadmap Demo\\Area\\Web\\Frontend');
    expect(iterations?.children?.map((n) => n.name)).toEqual(['Release 1', 'Release 2']);
    // Iterations travel as the enum number 1; Areas (0) is dropped from the URL by the client.
    const release = await wit.getClassificationNode(
      PROJECT,
      TreeStructureGroup.Iterations,
      'Release 1',
      1,
    );
    expect(release.children?.map((n) => n.name)).toEqual(['Sprint 1', 'Sprint 2']);
    expect(release.children?.[0]?.attributes).toEqual({
      startDate: '2026-01-05T00:00:00Z',
      finishDate: '2026-01-16T00:00:00Z',
    });
    const web = await wit.getClassificationNode(PROJECT, TreeStructureGroup.Areas, 'Web', 1);
    expect(web.children?.map((n) => n.name)).toEqual(['Frontend', 'Backend']);
  });

  it('reads work item types, their states and fields', async () => {
    const wit = await connect().getWorkItemTrackingApi();
    const types = await wit.getWorkItemTypes(PROJECT);
    expect(types.map((t) => t.name)).toEqual(['Epic', 'Feature', 'User Story', 'Task', 'Bug']);
    const states = await wit.getWorkItemTypeStates(PROJECT, 'User Story');
    expect(states.map((s) => [s.name, s.category])).toEqual([
      ['New', 'Proposed'],
      ['Active', 'InProgress'],
      ['Resolved', 'Resolved'],
      ['Closed', 'Completed'],
      ['Removed', 'Removed'],
    ]);
    const scrum = await wit.getWorkItemTypeStates('Platform', 'Product Backlog Item');
    expect(scrum.map((s) => s.name)).toEqual(['New', 'Approved', 'Committed', 'Done', 'Removed']);
    const basic = await wit.getWorkItemTypes('Operations');
    expect(basic.map((t) => t.name)).toEqual(['Epic', 'Issue', 'Task']);
    const compliance = await wit.getWorkItemType('Compliance', 'Feature');
    const risk = compliance.fieldInstances?.find((f) => f.referenceName === 'Custom.RiskLevel');
    expect(risk?.alwaysRequired).toBe(true);
    const field = await wit.getField('Custom.RiskLevel');
    expect(field.isPicklist).toBe(true);
  });

  it('creates a Feature and a child User Story linked to it, both ways', async () => {
    const wit = await connect().getWorkItemTrackingApi();
    const feature = await createFeature(wit);
    expect(feature.rev).toBe(1);
    expect(feature.fields?.['System.State']).toBe('New');
    expect(feature.fields?.['System.Reason']).toBe('New feature');
    expect(feature.fields?.['System.CreatedBy']?.uniqueName).toBe(DEFAULT_USERS[0]!.uniqueName);
    const story = await wit.createWorkItem(
      undefined,
      [
        add('System.Title', 'Import a CSV'),
        {
          op: Operation.Add,
          path: '/relations/-',
          value: {
            rel: 'System.LinkTypes.Hierarchy-Reverse',
            url: feature.url,
            attributes: { comment: 'from Tandem' },
          },
        },
      ],
      PROJECT,
      'User Story',
    );
    expect(story.relations).toEqual([
      {
        rel: 'System.LinkTypes.Hierarchy-Reverse',
        url: `${sim.orgUrl}/_apis/wit/workItems/${feature.id}`,
        attributes: { isLocked: false, comment: 'from Tandem', name: 'Parent' },
      },
    ]);
    const parent = await wit.getWorkItem(
      feature.id!,
      undefined,
      undefined,
      WorkItemExpand.Relations,
    );
    expect(parent.rev).toBe(2);
    expect(parent.relations?.map((r) => [r.rel, r.url])).toEqual([
      ['System.LinkTypes.Hierarchy-Forward', `${sim.orgUrl}/_apis/wit/workItems/${story.id}`],
    ]);
    const secondParent = wit.updateWorkItem(
      undefined,
      [
        {
          op: Operation.Add,
          path: '/relations/-',
          value: {
            rel: 'System.LinkTypes.Hierarchy-Reverse',
            url: `${sim.orgUrl}/_apis/wit/workItems/1`,
          },
        },
      ],
      story.id!,
    );
    await expect(secondParent).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('TF201036'),
    });
  });

  it('updates with a test on /rev, and a stale rev gets 412', async () => {
    const wit = await connect().getWorkItemTrackingApi();
    const feature = await createFeature(wit);
    const updated = await wit.updateWorkItem(
      undefined,
      [
        { op: Operation.Test, path: '/rev', value: 1 },
        { op: Operation.Replace, path: '/fields/System.State', value: 'Active' },
      ],
      feature.id!,
    );
    expect(updated.rev).toBe(2);
    expect(updated.fields?.['System.Reason']).toBe('Implementation started');
    expect(updated.fields?.['Microsoft.VSTS.Common.ActivatedBy']?.displayName).toBe(
      'Morgan Planner',
    );
    const stale = wit.updateWorkItem(
      undefined,
      [
        { op: Operation.Test, path: '/rev', value: 1 },
        { op: Operation.Replace, path: '/fields/System.Title', value: 'Lost update' },
      ],
      feature.id!,
    );
    await expect(stale).rejects.toMatchObject({
      statusCode: 412,
      message:
        'VS403351: Test Operation for path /rev failed, value 2 was not equal to test value 1.',
    });
    expect((await wit.getWorkItem(feature.id!)).fields?.['System.Title']).toBe('Roadmap import');
    // Saving what is already there makes no revision.
    const same = await wit.updateWorkItem(
      undefined,
      [add('System.Title', 'Roadmap import')],
      feature.id!,
    );
    expect(same.rev).toBe(2);
  });

  it('refuses what the process forbids: a bad state, a transition, a missing required field', async () => {
    const wit = await connect().getWorkItemTrackingApi();
    const feature = await createFeature(wit);
    await expect(
      wit.updateWorkItem(undefined, [add('System.State', 'Shipped')], feature.id!),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('TF401320: Rule Error for field State'),
    });
    await wit.updateWorkItem(undefined, [add('System.State', 'Removed')], feature.id!);
    await expect(
      wit.updateWorkItem(undefined, [add('System.State', 'Closed')], feature.id!),
    ).rejects.toMatchObject({
      statusCode: 400,
      result: {
        typeKey: 'RuleValidationException',
        customProperties: { RuleValidationErrors: [{ fieldStatusCode: 'InvalidListValue' }] },
      },
    });
    const back = await wit.updateWorkItem(undefined, [add('System.State', 'New')], feature.id!);
    expect(back.fields?.['System.State']).toBe('New');
    await expect(
      wit.createWorkItem(
        undefined,
        [add('System.Title', 'Access review')],
        'Compliance',
        'Feature',
      ),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: 'TF401320: Rule Error for field Risk Level. Error code: Required, Required.',
    });
    const ok = await wit.createWorkItem(
      undefined,
      [add('System.Title', 'Access review'), add('Custom.RiskLevel', 'Low')],
      'Compliance',
      'Feature',
    );
    expect(ok.fields?.['Custom.RiskLevel']).toBe('Low');
  });

  it('runs WIQL and batch-reads what it returns', async () => {
    const wit = await connect().getWorkItemTrackingApi();
    await createFeature(wit, 'Second feature');
    const result = await wit.queryByWiql(
      {
        query:
          "SELECT [System.Id], [System.Title] FROM WorkItems WHERE [System.TeamProject] = @project AND [System.WorkItemType] IN ('Feature', 'User Story') AND [System.AreaPath] UNDER 'Roadmap Demo\\Web' ORDER BY [System.Id] DESC",
      },
      { project: PROJECT },
    );
    const ids = result.workItems?.map((w) => w.id!) ?? [];
    expect(ids).toEqual([9, 4, 3, 2]);
    const items = await wit.getWorkItemsBatch({
      ids,
      fields: ['System.Id', 'System.Title', 'System.State'],
    });
    expect(items.map((w) => w.fields?.['System.Title'])).toEqual([
      'Second feature',
      'Export as XLSX',
      'Export as CSV',
      'Bulk export of roadmap items',
    ]);
    expect(Object.keys(items[0]!.fields ?? {})).toEqual([
      'System.Id',
      'System.Title',
      'System.State',
    ]);
  });

  it('uploads an attachment, attaches it and reads it back', async () => {
    const wit = await connect().getWorkItemTrackingApi();
    const feature = await createFeature(wit);
    const content = 'id,title\n1,Import\n';
    const attachment = await wit.createAttachment(
      undefined,
      Readable.from([Buffer.from(content)]),
      'roadmap.csv',
      undefined,
      PROJECT,
    );
    expect(attachment.url).toBe(
      `${sim.orgUrl}/_apis/wit/attachments/${attachment.id}?fileName=roadmap.csv`,
    );
    const linked = await wit.updateWorkItem(
      undefined,
      [
        {
          op: Operation.Add,
          path: '/relations/-',
          value: { rel: 'AttachedFile', url: attachment.url, attributes: { comment: 'export' } },
        },
      ],
      feature.id!,
    );
    expect(linked.relations?.[0]).toMatchObject({
      rel: 'AttachedFile',
      attributes: { name: 'roadmap.csv', resourceSize: content.length, comment: 'export' },
    });
    const stream = await wit.getAttachmentContent(attachment.id!, 'roadmap.csv', PROJECT, true);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).toString('utf8')).toBe(content);
  });

  it('deletes to the recycle bin and restores with a new revision; revisions and updates tell the story', async () => {
    const wit = await connect().getWorkItemTrackingApi();
    const feature = await createFeature(wit);
    await wit.updateWorkItem(undefined, [add('System.Title', 'Roadmap import (CSV)')], feature.id!);
    const deleted = await wit.deleteWorkItem(feature.id!);
    expect(deleted).toMatchObject({
      id: feature.id,
      code: 200,
      name: 'Roadmap import (CSV)',
      type: 'Feature',
    });
    // typed-rest-client answers a 404 with null.
    expect(await wit.getWorkItem(feature.id!)).toBeNull();
    expect((await wit.getDeletedWorkItem(feature.id!)).project).toBe(PROJECT);
    await wit.restoreWorkItem({ isDeleted: false }, feature.id!);
    const back = await wit.getWorkItem(feature.id!);
    expect(back.rev).toBe(3);
    const revisions = await wit.getRevisions(feature.id!);
    expect(revisions.map((r) => r.fields?.['System.Title'])).toEqual([
      'Roadmap import',
      'Roadmap import (CSV)',
      'Roadmap import (CSV)',
    ]);
    const updates = await wit.getUpdates(feature.id!);
    expect(updates[1]?.fields?.['System.Title']).toEqual({
      oldValue: 'Roadmap import',
      newValue: 'Roadmap import (CSV)',
    });
    expect(updates[0]?.fields?.['System.Title']).toEqual({ newValue: 'Roadmap import' });
  });

  it('creates a service-hook subscription and a change is delivered to a local receiver', async () => {
    const receiver = await startReceiver();
    try {
      const api = connect();
      const created = await api.rest.create<{
        id: string;
        status: string;
        consumerInputs: Record<string, string>;
      }>(`${sim.orgUrl}/_apis/hooks/subscriptions?api-version=7.1`, {
        publisherId: 'tfs',
        eventType: 'workitem.updated',
        resourceVersion: '1.0',
        consumerId: 'webHooks',
        consumerActionId: 'httpRequest',
        publisherInputs: {
          projectId: SEED_IDS.projects.roadmap,
          areaPath: 'Roadmap Demo\\Web',
          workItemType: 'Feature',
        },
        consumerInputs: {
          url: receiver.url,
          basicAuthUsername: 'ado-hook',
          basicAuthPassword: 's3cret',
          httpHeaders: 'X-Tandem-Hook-Secret: 7f0c2b1e9d',
        },
      });
      expect(created.statusCode).toBe(200);
      expect(created.result?.status).toBe('enabled');
      expect(created.result?.consumerInputs.basicAuthPassword).toBe('********');
      const wit = await api.getWorkItemTrackingApi();
      const active = await wit.updateWorkItem(
        undefined,
        [add('System.State', 'Active')],
        SEED_IDS.workItems.feature,
      );
      await wit.updateWorkItem(
        undefined,
        [add('System.Title', 'Not a feature')],
        SEED_IDS.workItems.story,
      );
      await sim.simulator.control.flushWebhooks();
      expect(receiver.received).toHaveLength(1);
      const delivery = receiver.received[0]!;
      expect(delivery.headers.authorization).toBe(
        `Basic ${Buffer.from('ado-hook:s3cret').toString('base64')}`,
      );
      expect(delivery.headers['x-tandem-hook-secret']).toBe('7f0c2b1e9d');
      expect(delivery.body).toMatchObject({
        subscriptionId: created.result?.id,
        notificationId: 1,
        eventType: 'workitem.updated',
        publisherId: 'tfs',
        resource: {
          workItemId: SEED_IDS.workItems.feature,
          rev: active.rev,
          fields: { 'System.State': { oldValue: 'New', newValue: 'Active' } },
          revision: {
            id: SEED_IDS.workItems.feature,
            fields: {
              'System.State': 'Active',
              'System.ChangedBy': 'Morgan Planner <morgan.planner@tandem-demo.example>',
            },
          },
        },
      });
    } finally {
      await receiver.close();
    }
  });

  it('refuses a wrong, expired, revoked or read-only token the way Azure DevOps does', async () => {
    for (const token of [
      'not-a-token-at-all-but-fifty-two-characters-long-xxx',
      EXPIRED_PAT,
      REVOKED_PAT,
    ]) {
      const projects = (async () => (await connect(token).getCoreApi()).getProjects())();
      await expect(projects).rejects.toMatchObject({
        statusCode: 401,
        message: expect.stringMatching(
          /^TF400813: The user '.*' is not authorized to access this resource\.$/,
        ),
      });
    }
    const reader = connect(DEFAULT_USERS[2]!.token);
    const wit = await reader.getWorkItemTrackingApi();
    expect((await wit.getWorkItem(SEED_IDS.workItems.feature)).fields?.['System.Title']).toBe(
      'Bulk export of roadmap items',
    );
    const write = wit.updateWorkItem(
      undefined,
      [add('System.Title', 'Nope')],
      SEED_IDS.workItems.feature,
    );
    await expect(write).rejects.toMatchObject({
      statusCode: 401,
      message: `TF400813: The user '${DEFAULT_USERS[2]!.id}' is not authorized to access this resource.`,
    });
  });

  it('works with the basic handler (empty user name) too', async () => {
    const api = new azdev.WebApi(sim.orgUrl, azdev.getBasicHandler('', DEFAULT_FULL_PAT));
    const wit = await api.getWorkItemTrackingApi();
    const item = await wit.getWorkItem(SEED_IDS.workItems.story, [
      'System.Title',
      'System.AreaPath',
    ]);
    expect(item.fields).toEqual({
      'System.Title': 'Export as CSV',
      'System.AreaPath': 'Roadmap Demo\\Web\\Frontend',
    });
  });
});
