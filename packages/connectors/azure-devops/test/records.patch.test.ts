import { RemoteError } from '@tandem/connector-kit';
import { SEED_IDS } from '@tandem/simulator-azure-devops';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { azureDevOpsConnector as connector, defaultRecordMappings } from '../src/index.ts';
import { makeCtx, scope, startSim } from './support/sim.ts';

let sim: Awaited<ReturnType<typeof startSim>>;
let ctx: ReturnType<typeof makeCtx>;
beforeAll(async () => {
  sim = await startSim();
  ctx = makeCtx(sim.orgUrl);
});
afterAll(async () => {
  await ctx.transport.close();
  await sim.close();
});

const create = (fields: Record<string, unknown>, type = 'Feature') =>
  connector.createRecord(ctx, {
    scope,
    type,
    fields,
    idempotencyToken: `t-${Math.random()}`.replace('0.', ''),
  });

describe('work items', () => {
  it('lands in the chosen area, keeps HTML and tags, and hides the token tag', async () => {
    const record = await create({
      'System.Title': 'Tags',
      'System.Description': '<p>Rich <em>text</em></p>',
      'System.Tags': 'roadmap; export',
    });
    expect(record.scopeId).toBe('Roadmap Demo\\Web');
    expect(record.fields['System.Tags']).toBe('export; roadmap');
    expect(record.fields['System.Description']).toBe('<p>Rich <em>text</em></p>');
    const updated = await connector.updateRecord(ctx, record, {
      fields: { 'System.Tags': 'only' },
    });
    expect(updated.fields['System.Tags']).toBe('only');
  });

  it('a stale revision is a conflict, and nothing is overwritten', async () => {
    const record = await create({ 'System.Title': 'Original' });
    await connector.updateRecord(ctx, record, { fields: { 'System.Title': 'Theirs' } });
    const error = await connector
      .updateRecord(ctx, record, {
        fields: { 'System.Title': 'Ours' },
        expectedVersion: record.version,
      })
      .catch((e) => e);
    expect(RemoteError.is(error) && error.kind).toBe('conflict');
    expect((await connector.readRecord(ctx, record)).fields['System.Title']).toBe('Theirs');
  });

  it('the parent travels as System.Parent (a Hierarchy link) both ways', async () => {
    const feature = await create({ 'System.Title': 'Parent' });
    const other = await create({ 'System.Title': 'Other parent' });
    const story = await create(
      { 'System.Title': 'Child', 'System.Parent': feature.id },
      'User Story',
    );
    expect(story.parentId).toBe(feature.id);
    expect(story.fields['System.Parent']).toBe(feature.id);
    const moved = await connector.updateRecord(ctx, story, {
      fields: { 'System.Parent': other.id },
    });
    expect(moved.parentId).toBe(other.id);
    const orphan = await connector.updateRecord(ctx, story, { fields: { 'System.Parent': null } });
    expect(orphan.parentId).toBeUndefined();
  });

  it('a state the process forbids is a validation error naming System.State', async () => {
    const record = await create({ 'System.Title': 'Removed' });
    await connector.updateRecord(ctx, record, { fields: { 'System.State': 'Removed' } });
    const error = await connector
      .updateRecord(ctx, record, { fields: { 'System.State': 'Closed' } })
      .catch((e) => e);
    expect(RemoteError.is(error) && error.kind).toBe('validation');
    expect((error as RemoteError).fieldErrors.map((f) => f.field)).toContain('System.State');
  });

  it('a required field left out (Compliance) names the field', async () => {
    const error = await connector
      .createRecord(ctx, {
        scope: { workspaceId: SEED_IDS.projects.compliance, projectId: 'Compliance' },
        type: 'Feature',
        fields: { 'System.Title': 'No risk level' },
        idempotencyToken: 'compliance-1',
      })
      .catch((e) => e);
    expect(RemoteError.is(error) && error.kind).toBe('validation');
    expect((error as RemoteError).fieldErrors.map((f) => f.field)).toContain('Custom.RiskLevel');
    const fields = await connector.listFields(
      ctx,
      { workspaceId: SEED_IDS.projects.compliance, projectId: 'Compliance' },
      'Feature',
    );
    expect(fields.find((f) => f.name === 'Custom.RiskLevel')).toMatchObject({
      required: true,
      allowedValues: ['Low', 'Medium', 'High'],
    });
  });

  it('an attachment with the same name and size is attached once', async () => {
    const record = await create({ 'System.Title': 'Files' });
    const file = {
      fileName: 'spec.txt',
      contentType: 'text/plain',
      data: new TextEncoder().encode('hello'),
    };
    const first = await connector.uploadAttachment(ctx, record, file);
    const again = await connector.uploadAttachment(ctx, record, file);
    expect(again.id).toBe(first.id);
    const relations = await ctx.transport.request({
      method: 'GET',
      url: `${sim.orgUrl}/_apis/wit/workitems/${record.id}?$expand=relations&api-version=7.1`,
      headers: {
        authorization: `Basic ${Buffer.from(`:${'tandemsimfullscopepat2222222222222222222222222222222a'}`).toString('base64')}`,
      },
    });
    const attached = (relations.json() as { relations: { rel: string }[] }).relations.filter(
      (r) => r.rel === 'AttachedFile',
    );
    expect(attached).toHaveLength(1);
  });

  it('iteration paths are the allowed values of System.IterationPath', async () => {
    const fields = await connector.listFields(ctx, scope, 'Feature');
    expect(fields.find((f) => f.name === 'System.IterationPath')?.allowedValues).toContain(
      'Roadmap Demo\\Release 1\\Sprint 1',
    );
    expect(fields.find((f) => f.name === 'System.AreaPath')?.allowedValues).toContain(
      'Roadmap Demo\\Web\\Frontend',
    );
  });

  it("proposes the backlog types of the project's process", async () => {
    const types = (s: string) => connector.listRecordTypes(ctx, { workspaceId: s });
    const names = async (s: string) =>
      defaultRecordMappings(await types(s)).map((m) => m.remoteType);
    expect(await names(SEED_IDS.projects.roadmap)).toEqual(['Epic', 'Feature', 'User Story']);
    expect(await names(SEED_IDS.projects.platform)).toEqual([
      'Epic',
      'Feature',
      'Product Backlog Item',
    ]);
    expect(await names(SEED_IDS.projects.operations)).toEqual(['Epic', 'Issue', 'Task']);
  });
});
