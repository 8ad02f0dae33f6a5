import { randomBytes } from 'node:crypto';
import { ensureWorkflowsEverywhere } from '@tandem/roadmap';
import { type RunningRallySimulator, startRallySimulator } from '@tandem/sim-rally';
import {
  createSecretBox,
  type DatabaseHandle,
  usersRepository,
  workspacesRepository,
} from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp } from './support/test-app.ts';
import { rallyWorkspace } from './sync/support.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72]);

/** GET routes not called, each with its reason. */
const NOT_CALLED: Record<string, string> = {
  '/api/workspaces/:workspaceId/events/stream': 'a server-sent event stream that never ends',
  '/api/*': 'the catch-all answering 404 for unknown API paths',
  '/api/integration-templates/*': 'middleware of the templates router, not a route',
};

/**
 * The one append a GET may cause: the transport's request log (`integration_log` rows of event
 * `http`), the audit trail of every call made to a remote, which discovery GETs make.
 */
const isRequestLog = (table: string, row: Record<string, unknown>) =>
  table === 'integration_log' && row.event === 'http';

/** Every table of the database and its rows (but the request log), in a stable order. */
async function snapshot(database: DatabaseHandle) {
  const tables =
    database.dialect === 'postgres'
      ? (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(
            database.db,
          )
        ).rows
      : (
          await sql<{ name: string }>`select name from sqlite_master
            where type = 'table' and name not like 'sqlite_%'`.execute(database.db)
        ).rows;
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = (
      await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(database.db)
    ).rows;
    out[name] = rows
      .filter((r) => !isRequestLog(name, r))
      .map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v)))
      .sort();
  }
  return out;
}

describeEachDialect('GETs are read-only', (handle) => {
  let sim: RunningRallySimulator;
  beforeAll(async () => {
    sim = await startRallySimulator({ port: 0 });
  });
  afterAll(() => sim.close());

  it('no GET route of the API changes any row, called as owner on a fresh workspace', async () => {
    const database = handle();
    const box = createSecretBox(randomBytes(32));
    const ws = await rallyWorkspace(database, sim.url, { box });
    const { app, client } = await createTestApp(
      database,
      { ALLOW_PRIVATE_NETWORK: 'true' },
      { secrets: box },
    );
    const ownerId = (await usersRepository(database.db).findByEmail('owner@tandem.demo'))!.id;
    await workspacesRepository(database.db).addMember(ws.workspace.id, ownerId, 'owner');
    const owner = client();
    await owner.login('owner@tandem.demo');

    // A feature with a requirement and an attachment, made through the API like a user would.
    const base = `/api/workspaces/${ws.workspace.id}`;
    const feature = await (
      await owner.request('POST', `${base}/features`, { name: 'Read me', releaseId: ws.release.id })
    ).json();
    await owner.request('POST', `${base}/features/${feature.id}/requirements`, { name: 'Part' });
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'shot.png');
    const attachment = await (
      await owner.request('POST', `${base}/features/${feature.id}/attachments`, form)
    ).json();
    expect(attachment.id).toBeDefined();

    const params: Record<string, string> = {
      workspaceId: ws.workspace.id,
      featureId: feature.id,
      releaseId: ws.release.id,
      attachmentId: attachment.id,
      integrationId: ws.integrationId,
      templateId: 'no-such-template',
      recordType: 'feature',
      recordId: feature.id,
      system: 'rally',
    };
    const query: Record<string, string> = {
      '/api/oauth/:system/callback': '?code=forged&state=forged',
      '/api/workspaces/:workspaceId/integrations/:integrationId/remote/fields':
        '?type=HierarchicalRequirement',
      '/api/workspaces/:workspaceId/integrations/:integrationId/remote/states':
        '?type=HierarchicalRequirement',
    };

    const paths = [
      ...new Set(app.routes.filter((r) => r.method === 'GET').map((r) => r.path)),
    ].filter((p) => p.startsWith('/api/') && !(p in NOT_CALLED));
    expect(paths.length).toBeGreaterThan(20);

    // And a workspace from before workflows came with the workspace (the start-up backfill
    // gives it them; reading them must not).
    const legacy = await workspacesRepository(database.db).create({
      key: `L${randomBytes(3).toString('hex').toUpperCase()}`,
      name: 'Legacy',
    });
    await workspacesRepository(database.db).addMember(legacy.id, ownerId, 'owner');

    const before = await snapshot(database);
    const answers: Record<string, number> = {};
    for (const values of [params, { ...params, workspaceId: legacy.id }]) {
      for (const path of paths) {
        const url = path.replace(/:(\w+)/g, (_m, name: string) => {
          const value = values[name];
          if (!value) throw new Error(`Give the GETs-are-read-only test a value for :${name}`);
          return value;
        });
        const res = await owner.request('GET', `${url}${query[path] ?? ''}`);
        await res.arrayBuffer();
        if (values === params) answers[path] = res.status;
        expect(res.status, url).toBeLessThan(500);
      }
    }
    const after = await snapshot(database);

    // The workspace's own reads answered.
    expect(answers['/api/workspaces/:workspaceId/workflows']).toBe(200);
    expect(answers['/api/workspaces/:workspaceId/integrations/:integrationId/remote/states']).toBe(
      200,
    );
    expect(
      answers['/api/workspaces/:workspaceId/integrations/:integrationId/mapping-defaults'],
    ).toBe(200);
    for (const table of Object.keys(before)) {
      expect(after[table], `rows of ${table}`).toEqual(before[table]);
    }
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());

    const legacyWorkflows = await owner.request('GET', `/api/workspaces/${legacy.id}/workflows`);
    expect((await legacyWorkflows.json()).workflows).toEqual([]);
    const ctx = { actorId: null, origin: 'user' as const, now: new Date() };
    expect(await ensureWorkflowsEverywhere(database, ctx)).toBeGreaterThanOrEqual(1);
    const backfilled = await owner.request('GET', `/api/workspaces/${legacy.id}/workflows`);
    expect(
      (await backfilled.json()).workflows.map((w: { recordType: string }) => w.recordType).sort(),
    ).toEqual(['feature', 'initiative', 'release', 'requirement']);
    expect(await ensureWorkflowsEverywhere(database, ctx)).toBe(0);
  });
});
