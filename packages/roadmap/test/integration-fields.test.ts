import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import {
  clearIntegrationFields,
  createFeature,
  getFeatureDetail,
  getIntegrationFields,
  integrationContext,
  NotFoundError,
  setIntegrationFields,
} from '../src/index.ts';
import { eventsSince, featureInput, seedWorkspace, snapshot } from './support/fixtures.ts';

describeEachDialect('integration fields', (handle) => {
  it('keeps a key/value store per record per integration, any JSON value included', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const f = await createFeature(db, s.ctx, s.workspace.id, featureInput(s.release));
    const rally = integrationContext('rally-1', s.ctx.now);
    const snapshotValue = { name: 'Offline sync', tags: ['ios'], estimate: 3 };
    await setIntegrationFields(db, rally, {
      integrationId: 'rally-1',
      recordType: 'feature',
      recordId: f.id,
      fields: {
        id: 'US123',
        formattedId: 'US123',
        url: 'https://rally.test/us/123',
        n: 7,
        on: true,
        snapshot: snapshotValue,
      },
    });
    await setIntegrationFields(db, rally, {
      integrationId: 'ado-2',
      recordType: 'feature',
      recordId: f.id,
      fields: { id: 42 },
    });
    const detail = await getFeatureDetail(db.db, s.workspace.id, f.id);
    expect(detail.integrationFields['rally-1']).toMatchObject({ formattedId: 'US123' });
    expect(await getIntegrationFields(db.db, 'feature', f.id)).toEqual({
      'ado-2': { id: 42 },
      'rally-1': {
        formattedId: 'US123',
        id: 'US123',
        n: 7,
        on: true,
        snapshot: snapshotValue,
        url: 'https://rally.test/us/123',
      },
    });
  });

  it('updates, removes with null, and records integration origin on each change', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const f = await createFeature(db, s.ctx, s.workspace.id, featureInput(s.release));
    const rally = integrationContext('rally-1', s.ctx.now);
    const input = { integrationId: 'rally-1', recordType: 'feature' as const, recordId: f.id };
    await setIntegrationFields(db, rally, { ...input, fields: { id: 'US1', url: 'u' } });
    const { seq } = await snapshot(db, 'integration_fields');
    await setIntegrationFields(db, rally, {
      ...input,
      fields: { id: 'US2', url: null, same: undefined },
    });
    const events = await eventsSince(db, seq);
    expect(events.map((e) => [e.recordType, e.action, e.origin, e.actorId])).toEqual([
      ['integration_field', 'update', 'integration:rally-1', null],
      ['integration_field', 'delete', 'integration:rally-1', null],
    ]);
    expect(events[0]!.changes).toEqual({ value: { old: 'US1', new: 'US2' } });
    expect(await getIntegrationFields(db.db, 'feature', f.id)).toEqual({
      'rally-1': { id: 'US2' },
    });

    await clearIntegrationFields(db, rally, input);
    expect(await getIntegrationFields(db.db, 'feature', f.id)).toEqual({});
  });

  it('refuses fields for a record that does not exist, writing nothing', async () => {
    const db = handle();
    const before = await snapshot(db, 'integration_fields');
    const error = await setIntegrationFields(db, integrationContext('rally-1'), {
      integrationId: 'rally-1',
      recordType: 'release',
      recordId: 'missing',
      fields: { id: 'R1' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(await snapshot(db, 'integration_fields')).toEqual(before);
  });

  it('allows one value per integration, record and key (unique in the database too)', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const f = await createFeature(db, s.ctx, s.workspace.id, featureInput(s.release));
    const row = {
      id: 'dup-1',
      workspace_id: s.workspace.id,
      integration_id: 'rally-1',
      record_type: 'feature' as const,
      record_id: f.id,
      key: 'id',
      value: '"x"',
      created_at: s.ctx.now.toISOString(),
      updated_at: s.ctx.now.toISOString(),
    };
    // Straight to the table on purpose: this checks the constraint, not the domain code.
    await db.db.insertInto('integration_fields').values(row).execute();
    const error = await db.db
      .insertInto('integration_fields')
      .values({ ...row, id: 'dup-2' })
      .execute()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
  });
});
