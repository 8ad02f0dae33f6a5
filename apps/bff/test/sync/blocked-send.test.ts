import { createRelease, userContext } from '@tandem/roadmap';
import { type RunningRallySimulator, startRallySimulator } from '@tandem/sim-rally';
import { integrationLogRepository } from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.ts';
import { rallyWorkspace } from './support.ts';

describeEachDialect('a send the remote would refuse', (handle) => {
  let sim: RunningRallySimulator;
  beforeAll(async () => {
    sim = await startRallySimulator({ port: 0 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('is refused before anything is created, with the reason on the record and in the log', async () => {
    const ws = await rallyWorkspace(handle(), sim.url);
    await ws.sync.close();
    // Rally requires a release's start and end dates; this release has none.
    const undated = await createRelease(handle(), userContext(ws.owner.id), ws.workspace.id, {
      name: 'Someday',
      parkingLot: false,
    });
    const feature = await ws.feature('Undated work');
    await handle()
      .db.updateTable('features')
      .set({ release_id: undated.id })
      .where('id', '=', feature.id)
      .execute();

    const { client } = await createTestApp(
      handle(),
      { ALLOW_PRIVATE_NETWORK: 'true' },
      { secrets: ws.box },
    );
    const browser = client();
    await handle()
      .db.insertInto('memberships')
      .values({
        workspace_id: ws.workspace.id,
        user_id: (
          await handle()
            .db.selectFrom('users')
            .select('id')
            .where('email', '=', 'contributor@tandem.demo')
            .executeTakeFirstOrThrow()
        ).id,
        role: 'contributor',
        created_at: new Date().toISOString(),
      })
      .execute();
    await browser.login('contributor@tandem.demo');
    const base = `/api/workspaces/${ws.workspace.id}`;
    const res = await browser.request('POST', `${base}/integrations/${ws.integrationId}/sends`, {
      featureIds: [feature.id],
    });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.summary.blocked).toBe(true);
    expect(error.details.summary.warnings[0].message).toMatch(/has no value for "Release/);

    const syncs = await handle()
      .db.selectFrom('record_syncs')
      .selectAll()
      .where('integration_id', '=', ws.integrationId)
      .execute();
    expect(syncs).toEqual([]);
    const jobs = await handle().db.selectFrom('jobs').selectAll().execute();
    expect(jobs.filter((j) => String(j.payload).includes(ws.integrationId))).toEqual([]);

    const logged = await integrationLogRepository(handle().db).list({
      integrationId: ws.integrationId,
      levels: ['error'],
    });
    expect(logged.map((e) => [e.recordType, e.event])).toContainEqual(['release', 'send_blocked']);

    const links = await (
      await browser.request('GET', `${base}/links/release/${undated.id}`)
    ).json();
    const blockedLine = logged.find((e) => e.recordId === undated.id && e.event === 'send_blocked');
    expect(links.links[0]).toMatchObject({
      state: 'unlinked',
      lastError: expect.stringMatching(/Not sent to Rally/),
      lastLogId: blockedLine!.id,
    });
  });
});
