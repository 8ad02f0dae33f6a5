import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

/** Vite names every file under `assets/` by its content hash: it never changes under its name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const COMPRESSIBLE: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
};
type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the client accepts: brotli, then gzip, else none (q=0 refuses one). */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

function compress(body: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'br')
    return brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
  if (encoding === 'gzip') return gzipSync(body, { level: 9 });
  return body;
}

/**
 * Hashed assets, compressed once per encoding and kept in memory (the build is a few hundred KB;
 * a file is read and compressed on its first request only), served with a year-long immutable
 * cache. Anything else falls through to the static handler.
 */
function hashedAssets(dist: string): MiddlewareHandler<AppEnv> {
  const root = normalize(join(dist, 'assets')) + sep;
  const cache = new Map<string, { body: Buffer; mtimeMs: number }>();
  return async (c, next) => {
    const file = normalize(join(dist, decodeURIComponent(c.req.path)));
    const type = COMPRESSIBLE[extname(file)];
    if (!file.startsWith(root) || !type || !existsSync(file)) return next();
    const encoding = pickEncoding(c.req.header('accept-encoding'));
    const key = `${encoding}:${file}`;
    const { mtimeMs } = statSync(file);
    let hit = cache.get(key);
    if (!hit || hit.mtimeMs !== mtimeMs) {
      hit = { body: compress(readFileSync(file), encoding), mtimeMs };
      cache.set(key, hit);
    }
    c.header('Content-Type', type);
    c.header('Cache-Control', IMMUTABLE);
    c.header('Vary', 'Accept-Encoding');
    if (encoding !== 'identity') c.header('Content-Encoding', encoding);
    return c.body(new Uint8Array(hit.body), 200);
  };
}

/**
 * Serves the built SPA: hashed assets compressed (brotli or gzip, as the client accepts) and
 * cached for a year, other real files as they are, then index.html (never cached) for every other
 * path so that client-side routes survive a reload (history fallback).
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
  // The page itself is always revalidated, however it is asked for.
  const indexPage: MiddlewareHandler<AppEnv> = async (c, next) =>
    c.req.path === '/' || c.req.path === '/index.html' ? historyFallback(c, next) : next();
  return new Hono<AppEnv>().get(
    '*',
    noSourceMaps,
    indexPage,
    hashedAssets(dist),
    serveStatic<AppEnv>({ root: dist }),
    historyFallback,
  );
}
