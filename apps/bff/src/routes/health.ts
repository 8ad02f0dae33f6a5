import type { Health } from '@tandem/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { APP_VERSION } from '../lib/version.ts';

export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { database } = c.var.deps;
  const migrations = await database.migrationState();
  const body: Health = {
    status: migrations.pending === 0 ? 'ok' : 'degraded',
    database: { dialect: database.dialect, migrations },
    version: APP_VERSION,
  };
  return c.json(body, migrations.pending === 0 ? 200 : 503);
});
