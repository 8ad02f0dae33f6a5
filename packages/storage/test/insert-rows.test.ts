import { expect, it } from 'vitest';
import { insertRows, readJson } from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';

const row = (integrationId: string, recordId: string, state: string) => ({
  integration_id: integrationId,
  record_type: 'feature',
  record_id: recordId,
  state,
  state_name: 'linked',
  updated_at: '2030-01-01T00:00:00.000Z',
});

describeEachDialect('insertRows', (handle) => {
  const stored = async (integrationId: string) =>
    (
      await handle()
        .db.selectFrom('record_syncs')
        .select(['record_id', 'state', 'state_name'])
        .where('integration_id', '=', integrationId)
        .orderBy('record_id')
        .execute()
    ).map((r) => ({ ...r, state: readJson(r.state) }));

  it('inserts rows of one shape again and again, each time with its own values', async () => {
    const { db } = handle();
    await insertRows(db, 'record_syncs', [row('i1', 'a', '{"n":1}'), row('i1', 'b', '{"n":2}')]);
    await insertRows(db, 'record_syncs', [row('i1', 'c', '{"n":3}'), row('i1', 'd', '{"n":4}')]);
    await insertRows(db, 'record_syncs', [row('i1', 'e', '{"s":"a:b:c"}')]);
    expect(await stored('i1')).toEqual([
      { record_id: 'a', state: { n: 1 }, state_name: 'linked' },
      { record_id: 'b', state: { n: 2 }, state_name: 'linked' },
      { record_id: 'c', state: { n: 3 }, state_name: 'linked' },
      { record_id: 'd', state: { n: 4 }, state_name: 'linked' },
      { record_id: 'e', state: { s: 'a:b:c' }, state_name: 'linked' },
    ]);
  });

  it('takes rows whose columns come in another order', async () => {
    const { db } = handle();
    const { state_name, ...rest } = row('i2', 'b', '{"b":1}');
    await insertRows(db, 'record_syncs', [row('i2', 'a', '{"a":1}'), { state_name, ...rest }]);
    await insertRows(db, 'record_syncs', [
      { state_name: 'create_pending', ...rest, record_id: 'c' },
    ]);
    expect(await stored('i2')).toEqual([
      { record_id: 'a', state: { a: 1 }, state_name: 'linked' },
      { record_id: 'b', state: { b: 1 }, state_name: 'linked' },
      { record_id: 'c', state: { b: 1 }, state_name: 'create_pending' },
    ]);
  });

  it('inserts nothing for no rows, and all or nothing when one row breaks a constraint', async () => {
    const { db } = handle();
    await insertRows(db, 'record_syncs', []);
    await insertRows(db, 'record_syncs', [row('i3', 'a', '{}')]);
    await expect(
      insertRows(db, 'record_syncs', [row('i3', 'b', '{}'), row('i3', 'a', '{}')]),
    ).rejects.toThrow();
    expect((await stored('i3')).map((r) => r.record_id)).toEqual(['a']);
  });
});
