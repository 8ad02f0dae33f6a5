import { expect } from 'vitest';
import { changePageSchema, type RemoteChange } from '../../port/model.ts';
import type { ConformanceCase, ConformanceEnv } from '../types.ts';

async function page(env: ConformanceEnv, cursor: string | null) {
  return changePageSchema.parse(
    await env.connector.changesSince(env.ctx, {
      scope: env.fixture.scope,
      cursor,
      types: [env.fixture.recordType],
    }),
  );
}

const about = (changes: readonly RemoteChange[], id: string) =>
  changes.filter((c) => c.ref.id === id);

export const changesSinceSuite: ConformanceCase[] = [
  {
    name: 'a null cursor starts now: no changes, a cursor to poll from',
    async run(env) {
      await env.createRecord();
      const first = await page(env, null);
      expect(first.changes).toEqual([]);
    },
  },
  {
    name: 'a create and then an update after the cursor are both reported',
    async run(env) {
      const start = await page(env, null);
      const record = await env.createRecord();
      const afterCreate = await page(env, start.nextCursor);
      expect(
        about(afterCreate.changes, record.id).length,
        'the create was not reported',
      ).toBeGreaterThan(0);

      const updated = await env.connector.updateRecord(env.ctx, record, {
        fields: env.fixture.changedFields(env.unique()),
      });
      const afterUpdate = await page(env, afterCreate.nextCursor);
      const changes = about(afterUpdate.changes, record.id);
      expect(changes.length, 'the update was not reported').toBeGreaterThan(0);
      expect(changes.at(-1)?.version).toBe(updated.version);
    },
  },
  {
    name: 'a change is not reported again once the cursor has passed it',
    async run(env) {
      const start = await page(env, null);
      const record = await env.createRecord();
      const seen = await page(env, start.nextCursor);
      expect(about(seen.changes, record.id).length).toBeGreaterThan(0);
      const again = await page(env, seen.nextCursor);
      expect(about(again.changes, record.id)).toEqual([]);
    },
  },
  {
    name: 'a deletion is reported',
    async run(env) {
      const start = await page(env, null);
      const record = await env.createRecord();
      await env.connector.deleteRecord(env.ctx, record);
      const after = await page(env, start.nextCursor);
      expect(about(after.changes, record.id).map((c) => c.kind)).toContain('deleted');
    },
  },
];
