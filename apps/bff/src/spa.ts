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
  return new Hono<AppEnv>().get('*', serveStatic<AppEnv>({ root: dist }), historyFallback);
}
