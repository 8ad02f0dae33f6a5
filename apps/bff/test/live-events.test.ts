import { serve } from '@hono/node-server';
import { describeEachDialect } from '@tandem/storage/testing';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { createLiveBus } from '../src/live/live-bus.ts';
import { type RecordEventTail, startRecordEventTail } from '../src/live/record-event-tail.ts';
import { createTestApp } from './support/test-app.ts';

describeEachDialect('live events over SSE', (handle) => {
  let tail: RecordEventTail | undefined;
  let close: (() => void) | undefined;
  afterEach(async () => {
    close?.();
    await tail?.stop();
  });

  it('pushes a committed outbox row to a subscribed browser within a second', async () => {
    const live = createLiveBus();
    tail = startRecordEventTail({
      db: handle().db,
      bus: live,
      logger: pino({ level: 'silent' }),
      intervalMs: 50,
    });
    const { client, app } = await createTestApp(handle(), {}, { live });
    const browser = client();
    const { workspaces } = await (await browser.login('viewer@tandem.demo')).json();
    const workspaceId = workspaces[0].id as string;

    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    close = () => server.close();
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    const res = await fetch(
      `http://127.0.0.1:${port}/api/workspaces/${workspaceId}/events/stream`,
      {
        headers: { cookie: browser.cookie() },
      },
    );
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      const deadline = Date.now() + 2000;
      while (!text.includes(needle) && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
      return text.includes(needle);
    };
    expect(await readUntil('event: ready')).toBe(true);

    const started = Date.now();
    await handle()
      .db.insertInto('record_events')
      .values({
        workspace_id: workspaceId,
        record_type: 'feature',
        record_id: 'feature-1',
        action: 'update',
        changes: JSON.stringify({ name: { old: 'a', new: 'b' } }),
        record_version: 2,
        actor_id: null,
        origin: 'integration:abc',
        created_at: new Date().toISOString(),
      })
      .execute();
    expect(await readUntil('feature-1')).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(text).toContain('event: record.changed');
    expect(text).toContain('"origin":"integration:abc"');
    await reader.cancel();
  });

  it('does not stream another workspace’s events to a non-member', async () => {
    const { client } = await createTestApp(handle());
    const browser = client();
    await browser.login('viewer@tandem.demo');
    const res = await browser.request('GET', '/api/workspaces/someone-elses/events/stream');
    expect(res.status).toBe(404);
  });

  it('announces a link written by the sync engine as a change of the linked record', async () => {
    const live = createLiveBus();
    tail = startRecordEventTail({
      db: handle().db,
      bus: live,
      logger: pino({ level: 'silent' }),
      intervalMs: 20,
    });
    const seen: unknown[] = [];
    const workspaceId = 'ws-link-test';
    const unsubscribe = live.subscribe(workspaceId, (e) => seen.push(e));
    await new Promise((r) => setTimeout(r, 60));
    const base = {
      workspace_id: workspaceId,
      record_type: 'integration_field',
      action: 'create' as const,
      record_version: null,
      actor_id: null,
      origin: 'integration:i1',
      created_at: new Date().toISOString(),
    };
    // One link write = several integration-field rows committed together.
    await handle()
      .db.transaction()
      .execute(async (trx) => {
        for (const key of ['remoteId', 'formattedId', 'url']) {
          await trx
            .insertInto('record_events')
            .values({
              ...base,
              record_id: `field-${key}`,
              changes: JSON.stringify({ key: { old: null, new: key } }),
              parent_type: 'feature',
              parent_id: 'feature-9',
            })
            .execute();
        }
      });
    const deadline = Date.now() + 1000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 60));
    unsubscribe();
    expect(seen).toEqual([
      {
        type: 'record.changed',
        recordType: 'feature',
        recordId: 'feature-9',
        action: 'update',
        version: null,
        origin: 'integration:i1',
        parentType: null,
        parentId: null,
      },
    ]);
  });
});
