import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseHandle } from '@tandem/storage';
import pino from 'pino';
import { createApp } from '../../src/app.ts';
import type { AppDeps } from '../../src/app-env.ts';
import { seedDemoIdentity } from '../../src/demo/seed-identity.ts';
import { parseEnv } from '../../src/env.ts';

export const ORIGIN = 'http://127.0.0.1:3000';

/** Test responses read JSON loosely; the assertions say what the shape must be. */
export type TestResponse = Omit<Response, 'json' | 'clone'> & {
  json(): Promise<any>;
  clone(): TestResponse;
};

/** A BFF on the given database with the demo identity seeded and a tiny built SPA. */
export async function createTestApp(
  database: DatabaseHandle,
  overrides: Record<string, string> = {},
  extra: Partial<AppDeps> = {},
) {
  const dist = mkdtempSync(join(tmpdir(), 'tandem-dist-'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><title>Tandem</title><div id="root"></div>',
  );
  writeFileSync(join(dist, 'app.js'), 'console.log("tandem")');
  const env = parseEnv({ LOG_LEVEL: 'silent', WEB_DIST: dist, DATA_DIR: dist, ...overrides });
  await seedDemoIdentity(database);
  const app = createApp({ env, database, logger: pino({ level: 'silent' }), ...extra });

  /**
   * A browser-like client: keeps the session cookie and sends the CSRF token on writes.
   * `address` is the peer address the BFF sees (as Node's socket would give it).
   */
  function client(options: { address?: string } = {}) {
    const bindings = options.address
      ? { incoming: { socket: { remoteAddress: options.address } } }
      : undefined;
    let cookie = '';
    let csrf = '';
    async function request(
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) {
      // Form data and streams go as they are (uploads); anything else is sent as JSON.
      const raw = body instanceof FormData || body instanceof ReadableStream;
      const init: RequestInit & { duplex?: 'half' } = {
        method,
        headers: {
          origin: ORIGIN,
          ...(cookie ? { cookie } : {}),
          ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
          ...(body !== undefined && !raw ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body instanceof ReadableStream ? { duplex: 'half' as const } : {}),
        ...(body !== undefined
          ? {
              body: raw
                ? (body as RequestInit['body'])
                : typeof body === 'string'
                  ? body
                  : JSON.stringify(body),
            }
          : {}),
      };
      const res = await app.request(`${ORIGIN}${path}`, init, bindings);
      const setCookie = res.headers.get('set-cookie');
      if (setCookie) cookie = setCookie.split(';')[0]!;
      return res as TestResponse;
    }
    return {
      request,
      async login(email: string, password = 'tandem-demo') {
        const res = await request('POST', '/api/auth/login', { email, password });
        if (res.status === 200)
          csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
        return res as TestResponse;
      },
      cookie: () => cookie,
      forgetCsrf() {
        csrf = '';
      },
    };
  }
  return { app, client, env };
}
