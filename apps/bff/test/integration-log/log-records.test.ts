import { integrationLogRepository } from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.ts';
import { rallyWorkspace } from '../sync/support.ts';

describeEachDialect('the integration log names its records and lists its events', (handle) => {
  async function setUp() {
    // No call reaches this address: the log is written here by hand.
    const ws = await rallyWorkspace(handle(), 'http://127.0.0.1:9');
    await ws.sync.close();
    const other = await rallyWorkspace(handle(), 'http://127.0.0.1:9');
    await other.sync.close();
    // The app seeds the demo users; the demo owner is made an owner of this workspace.
    const { client } = await createTestApp(handle());
    const { id: ownerId } = await handle()
      .db.selectFrom('users')
      .select('id')
      .where('email', '=', 'owner@tandem.demo')
      .executeTakeFirstOrThrow();
    await handle()
      .db.insertInto('memberships')
      .values({
        workspace_id: ws.workspace.id,
        user_id: ownerId,
        role: 'owner',
        created_at: new Date().toISOString(),
      })
      .execute();
    const browser = client();
    await browser.login('owner@tandem.demo');
    return { ws, other, browser };
  }

  it('gives each entry its record’s reference and name, a requirement its feature', async () => {
    const { ws, other, browser } = await setUp();
    const feature = await ws.feature('Offline mode', ['Queue writes']);
    const requirement = await handle()
      .db.selectFrom('requirements')
      .select(['id', 'reference_num'])
      .where('feature_id', '=', feature.id)
      .executeTakeFirstOrThrow();
    const foreign = await other.feature('Not yours');
    const log = integrationLogRepository(handle().db);
    const base = { integrationId: ws.integrationId, workspaceId: ws.workspace.id };
    await log.append({
      ...base,
      level: 'info',
      event: 'linked',
      message: 'Linked',
      recordType: 'feature',
      recordId: feature.id,
    });
    await log.append({
      ...base,
      level: 'info',
      event: 'linked',
      message: 'Linked',
      recordType: 'requirement',
      recordId: requirement.id,
    });
    // An id of another workspace's record is not looked up there.
    await log.append({
      ...base,
      level: 'warn',
      event: 'webhook',
      message: 'Odd',
      recordType: 'feature',
      recordId: foreign.id,
    });
    await log.append({ ...base, level: 'info', event: 'poll', message: 'Polled' });

    const res = await browser.request(
      'GET',
      `/api/workspaces/${ws.workspace.id}/integrations/${ws.integrationId}/log?level=info,warn`,
    );
    expect(res.status).toBe(200);
    const { entries } = await res.json();
    expect(entries.map((e: { message: string; record: unknown }) => [e.message, e.record])).toEqual(
      [
        ['Polled', null],
        ['Odd', null],
        [
          'Linked',
          {
            referenceNum: requirement.reference_num,
            name: 'Queue writes',
            featureReferenceNum: feature.referenceNum,
          },
        ],
        [
          'Linked',
          { referenceNum: feature.referenceNum, name: 'Offline mode', featureReferenceNum: null },
        ],
      ],
    );

    const events = await browser.request(
      'GET',
      `/api/workspaces/${ws.workspace.id}/integrations/${ws.integrationId}/log/events`,
    );
    expect(events.status).toBe(200);
    expect(await events.json()).toEqual({ events: ['linked', 'poll', 'webhook'] });
  });

  it('does not list another workspace’s integration’s events', async () => {
    const { other, browser } = await setUp();
    const res = await browser.request(
      'GET',
      `/api/workspaces/${other.workspace.id}/integrations/${other.integrationId}/log/events`,
    );
    expect([403, 404]).toContain(res.status);
  });
});
