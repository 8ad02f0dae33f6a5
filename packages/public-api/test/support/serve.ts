/** The public API on a real port over a migrated test database, and a seeded workspace. */
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { createFeature, createRelease, ensureWorkflows, userContext } from '@tandem/roadmap';
import { integrationsRepository, usersRepository, workspacesRepository } from '@tandem/storage';
import type { TestDatabase } from '@tandem/storage/testing';
import { Hono } from 'hono';
import { createPublicApi } from '../../src/index.ts';

export async function servePublicApi(
  db: TestDatabase,
): Promise<{ url: string; close(): Promise<void> }> {
  // Mounted where the BFF mounts it.
  const app = new Hono().route('/api/public/v1', createPublicApi({ db }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/api/public/v1`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function seedWorkspace(db: TestDatabase) {
  const tag = randomBytes(4).toString('hex');
  const owner = await usersRepository(db.db).create({
    email: `o-${tag}@t.test`,
    name: 'Owner',
    passwordHash: 'x',
  });
  const workspace = await workspacesRepository(db.db).create({
    key: `W${tag.toUpperCase()}`,
    name: `W ${tag}`,
  });
  await workspacesRepository(db.db).addMember(workspace.id, owner.id, 'owner');
  const ctx = userContext(owner.id);
  await ensureWorkflows(db, ctx, workspace.id);
  const release = await createRelease(db, ctx, workspace.id, {
    name: 'Summer',
    releaseDate: '2027-06-30',
    parkingLot: false,
  });
  const feature = await createFeature(db, ctx, workspace.id, {
    name: 'Checkout',
    descriptionHtml: '<p>Pay</p>',
    releaseId: release.id,
    tags: [],
    customFields: {},
  });
  const integration = await integrationsRepository(db.db).create({
    workspaceId: workspace.id,
    system: 'rally',
    name: 'Service',
    templateId: null,
    config: {},
  });
  return { owner, workspace, release, feature, integration };
}
