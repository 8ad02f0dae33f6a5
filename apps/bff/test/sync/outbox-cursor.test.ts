import { updateFeature, userContext } from '@tandem/roadmap';
import { describeEachDialect } from '@tandem/storage/testing';
import { createOutboxConsumer, SYNC_OUTBOX_CONSUMER } from '@tandem/sync-engine/runner';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { rallyWorkspace } from './support.ts';

/**
 * The outbox consumer's cursor: two readers of one database apply an edit once; a missing `seq`
 * (a PostgreSQL insert not yet committed, or rolled back) is waited for before it is passed.
 */
describeEachDialect('The sync engine’s outbox cursor', (handle) => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  const consumer = (
    sync: Parameters<typeof createOutboxConsumer>[0]['sync'],
    gapGraceMs?: number,
  ) =>
    createOutboxConsumer({
      database: handle(),
      sync,
      logger: pino({ level: 'silent' }),
      ...(gapGraceMs === undefined ? {} : { gapGraceMs }),
    });

  async function cursor() {
    const row = await handle()
      .db.selectFrom('outbox_cursors')
      .select('last_seq')
      .where('consumer', '=', SYNC_OUTBOX_CONSUMER)
      .executeTakeFirstOrThrow();
    return Number(row.last_seq);
  }

  /** A feature the engine holds as linked (no remote call is made: the worker is not started). */
  async function linkedFeature(name: string) {
    const ws = await rallyWorkspace(handle(), 'http://127.0.0.1:9');
    closers.push(() => ws.sync.close());
    const feature = await ws.feature(name);
    const state = {
      name: 'linked',
      remote: {
        remoteId: '1',
        formattedId: 'F1',
        url: null,
        ref: null,
        remoteType: 'PortfolioItem/Feature',
      },
    };
    await handle()
      .db.insertInto('record_syncs')
      .values({
        integration_id: ws.integrationId,
        record_type: 'feature',
        record_id: feature.id,
        state: JSON.stringify(state),
        state_name: 'linked',
        updated_at: new Date().toISOString(),
      })
      .execute();
    const rename = (to: string, version: number) =>
      updateFeature(handle(), userContext(ws.owner.id), ws.workspace.id, feature.id, {
        version,
        name: to,
      });
    return { ws, feature, rename };
  }

  const updateJobs = (integrationId: string, featureId: string) =>
    handle()
      .db.selectFrom('jobs')
      .select('payload')
      .where('queue_name', '=', `sync:${integrationId}:${featureId}`)
      .where('task', '=', 'sync.remote-effect')
      .execute();

  it('applies an edit once when two readers catch up together', async () => {
    const { ws, feature, rename } = await linkedFeature('Read twice');
    await consumer(ws.sync.deps).catchUp();
    await rename('Read once', feature.version);
    await Promise.all([consumer(ws.sync.deps).catchUp(), consumer(ws.sync.deps).catchUp()]);
    await consumer(ws.sync.deps).catchUp();
    const jobs = await updateJobs(ws.integrationId, feature.id);
    expect(jobs).toHaveLength(1);
    expect(JSON.stringify(jobs[0]?.payload)).toContain('updateRemote');
  });

  it('waits at a missing seq, then passes it once its grace is over', async () => {
    const { ws, feature, rename } = await linkedFeature('Behind a gap');
    await consumer(ws.sync.deps).catchUp();
    const start = await cursor();
    const renamed = await rename('First', feature.version);
    await rename('Second', renamed.version);
    await handle()
      .db.deleteFrom('record_events')
      .where('seq', '=', start + 1)
      .execute();

    await consumer(ws.sync.deps, 60_000).catchUp();
    expect(await cursor()).toBe(start);
    expect(await updateJobs(ws.integrationId, feature.id)).toHaveLength(0);

    const patient = consumer(ws.sync.deps, 0);
    await patient.catchUp(); // sees the gap
    await patient.catchUp(); // its grace is over
    expect(await cursor()).toBeGreaterThanOrEqual(start + 2);
    expect(await updateJobs(ws.integrationId, feature.id)).toHaveLength(1);
  });
});
