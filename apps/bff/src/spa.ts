import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

/**
 * Serves the built SPA: real files first, then index.html for every other path so that
 * client-side routes survive a reload (history fallback).
 */
export function spaRoutes(dist: string) {
  const indexPath = join(dist, 'index.html');
  const historyFallback: MiddlewareHandler<AppEnv> = async (c) => {
    if (!existsSync(indexPath)) {
      return c.text('The web app is not built yet: run ./tandem start.', 503);
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexPath, 'utf8'));
  };
  // Source maps are not built for production; one left in dist/ by a dev build is not served.
  const noSourceMaps: MiddlewareHandler<AppEnv> = async (c, next) =>
    c.req.path.endsWith('.map') ? c.text('Not found', 404) : next();
  return new Hono<AppEnv>().get(
    '*',
    noSourceMaps,
    serveStatic<AppEnv>({ root: dist }),
    historyFallback,
  );
}
