import type { Health } from '@tandem/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { APP_VERSION } from '../lib/version.ts';
import { ownedWorkspaceIds } from '../middleware/any-owner.ts';

/**
 * ok / degraded for anyone (load balancers, uptime checks); the dialect, migrations and version
 * only for a signed-in owner, so an anonymous caller learns nothing to aim an attack with.
 */
export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { database } = c.var.deps;
  const migrations = await database.migrationState();
  const status = migrations.pending === 0 ? 'ok' : 'degraded';
  const session = c.var.session;
  const owner =
    session !== undefined && (await ownedWorkspaceIds(database.db, session.user.id)).length > 0;
  const body: Health = owner
    ? { status, database: { dialect: database.dialect, migrations }, version: APP_VERSION }
    : { status };
  return c.json(body, status === 'ok' ? 200 : 503);
});
