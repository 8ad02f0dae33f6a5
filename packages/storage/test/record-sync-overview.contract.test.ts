import { randomBytes, randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import {
  integrationsRepository,
  recordSyncOverviewRepository,
  workspacesRepository,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';

describeEachDialect('the board’s sync overview', (handle) => {
  it('lists every known feature of the workspace with state, reference and why, in one read', async () => {
    const db = handle().db;
    const ws = await workspacesRepository(db).create({
      key: `W${randomBytes(3).toString('hex').toUpperCase()}`,
      name: 'W',
    });
    const other = await workspacesRepository(db).create({
      key: `W${randomBytes(3).toString('hex').toUpperCase()}`,
      name: 'Other',
    });
    const repo = integrationsRepository(db);
    const make = async (workspaceId: string, state: 'enabled' | 'draft') => {
      const row = await repo.create({
        workspaceId,
        system: 'rally',
        name: 'Remote',
        templateId: null,
        config: {},
      });
      await repo.update(row.id, { state });
      return row.id;
    };
    const mine = await make(ws.id, 'enabled');
    const draft = await make(ws.id, 'draft');
    const theirs = await make(other.id, 'enabled');
    const at = new Date().toISOString();
    const [linked, broken, waiting, elsewhere] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const sync = (
      integrationId: string,
      recordId: string,
      state: { name: string; [key: string]: unknown },
    ) =>
      db
        .insertInto('record_syncs')
        .values({
          integration_id: integrationId,
          record_type: 'feature',
          record_id: recordId,
          state: JSON.stringify(state),
          state_name: state.name,
          updated_at: at,
        })
        .execute();
    await sync(mine, linked, { name: 'linked' });
    await sync(mine, broken, { name: 'link_broken', reason: 'deleted_remotely' });
    await sync(mine, waiting, {
      name: 'update_pending',
      debounce: { fields: ['description'], dueAt: '2027-01-01T00:05:00.000Z' },
    });
    await sync(draft, linked, { name: 'failed', error: 'draft' });
    await sync(theirs, elsewhere, { name: 'linked' });
    for (const [key, value] of [
      ['formattedId', 'F7'],
      ['url', 'https://remote.test/F7'],
    ] as const)
      await db
        .insertInto('integration_fields')
        .values({
          id: randomUUID(),
          workspace_id: ws.id,
          integration_id: mine,
          record_type: 'feature',
          record_id: linked,
          key,
          value: JSON.stringify(value),
          created_at: at,
          updated_at: at,
        })
        .execute();

    const rows = await recordSyncOverviewRepository(db).forWorkspace(ws.id, 'feature');
    const byRecord = new Map(rows.map((r) => [r.recordId, r]));
    expect(rows).toHaveLength(3);
    expect(byRecord.get(linked)).toMatchObject({
      integrationId: mine,
      state: 'linked',
      formattedId: 'F7',
      url: 'https://remote.test/F7',
    });
    expect(byRecord.get(broken)).toMatchObject({
      state: 'link_broken',
      brokenReason: 'deleted_remotely',
    });
    expect(byRecord.get(waiting)).toMatchObject({ dueAt: '2027-01-01T00:05:00.000Z' });
    expect(byRecord.has(elsewhere)).toBe(false);
    expect(await recordSyncOverviewRepository(db).forWorkspace(ws.id, 'release')).toEqual([]);
  });
});
