import { expect, it } from 'vitest';
import { prepareQuery } from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';

const insertState = prepareQuery(
  (db, p: { integrationId: string; recordId: string; state: string; at: string }) =>
    db
      .insertInto('record_syncs')
      .values({
        integration_id: p.integrationId,
        record_type: 'feature',
        record_id: p.recordId,
        state: p.state,
        state_name: 'linked',
        updated_at: p.at,
      })
      .returning(['record_id', 'state_name']),
);
const statesOf = prepareQuery((db, p: { integrationId: string }) =>
  db
    .selectFrom('record_syncs')
    .select(['record_id', 'state_name'])
    .where('integration_id', '=', p.integrationId)
    .where('state_name', '=', 'linked')
    .orderBy('record_id'),
);
const rename = prepareQuery((db, p: { integrationId: string; name: string }) =>
  db
    .updateTable('record_syncs')
    .set({ state_name: p.name })
    .where('integration_id', '=', p.integrationId),
);

describeEachDialect('prepared queries', (handle) => {
  it('runs one compiled query with each call’s own arguments, constants kept', async () => {
    const { db } = handle();
    const at = '2030-01-01T00:00:00.000Z';
    expect(
      await insertState.first(db, { integrationId: 'i1', recordId: 'r1', state: '{}', at }),
    ).toEqual({
      record_id: 'r1',
      state_name: 'linked',
    });
    await insertState.rows(db, { integrationId: 'i1', recordId: 'r2', state: '{"a":1}', at });
    await insertState.rows(db, { integrationId: 'i2', recordId: 'r3', state: '{}', at });
    expect(await statesOf.rows(db, { integrationId: 'i1' })).toEqual([
      { record_id: 'r1', state_name: 'linked' },
      { record_id: 'r2', state_name: 'linked' },
    ]);
    expect(await statesOf.rows(db, { integrationId: 'i2' })).toHaveLength(1);
    expect(await rename.affected(db, { integrationId: 'i1', name: 'unlinked' })).toBe(2);
    expect(await statesOf.rows(db, { integrationId: 'i1' })).toEqual([]);
  });

  it('runs inside a transaction and rolls back with it', async () => {
    const { db } = handle();
    const at = '2030-01-01T00:00:00.000Z';
    await expect(
      db.transaction().execute(async (trx) => {
        await insertState.rows(trx, { integrationId: 'i9', recordId: 'r9', state: '{}', at });
        expect(await statesOf.rows(trx, { integrationId: 'i9' })).toHaveLength(1);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await statesOf.rows(db, { integrationId: 'i9' })).toEqual([]);
  });
});
