import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sessionsRepository } from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { sessionIdFor } from '../src/lib/session-tokens.ts';
import { createTestApp } from './support/test-app.ts';

const HTTPS = { PUBLIC_URL: 'https://tandem.example.com' };

describeEachDialect('response headers, session cookie and health', (handle) => {
  it('sends a strict CSP and the other security headers on pages and API answers alike', async () => {
    const { client } = await createTestApp(handle());
    for (const path of ['/', '/w/APP/features', '/api/auth/session', '/app.js']) {
      const res = await client().request('GET', path);
      const csp = res.headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
      ]) {
        expect(csp, `${path}: ${directive}`).toContain(directive);
      }
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      // Served over plain http (the demo): no HSTS, which would pin the host to https.
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('sends HSTS when PUBLIC_URL is https', async () => {
    const { client } = await createTestApp(handle(), HTTPS);
    const res = await client().request('GET', '/api/health');
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
  });

  it('does not serve source maps, even one left in the built SPA', async () => {
    const { client, env } = await createTestApp(handle());
    writeFileSync(join(env.WEB_DIST, 'app.js.map'), '{"version":3,"sources":["secret.ts"]}');
    const res = await client().request('GET', '/app.js.map');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('secret.ts');
  });

  it('over https, names the cookie __Host-, marks it Secure, and ignores an unprefixed one', async () => {
    const { client } = await createTestApp(handle(), HTTPS);
    const browser = client();
    const res = await browser.login('owner@tandem.demo');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-tandem_session=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    expect((await browser.request('GET', '/api/auth/session')).status).toBe(200);

    // An attacker who can plant a cookie (a sibling subdomain, plain http) cannot plant this
    // name; the same token under the old, unprefixed name is not read.
    const token = browser.cookie().split('=')[1]!;
    const planted = await client().request('GET', '/api/auth/session', undefined, {
      cookie: `tandem_session=${token}`,
    });
    expect(planted.status).toBe(401);

    const out = await browser.request('POST', '/api/auth/logout');
    expect(out.headers.get('set-cookie')).toMatch(/^__Host-tandem_session=;.*Secure/);
  });

  it('over plain http, keeps the unprefixed cookie (the demo on 127.0.0.1)', async () => {
    const { client } = await createTestApp(handle());
    const res = await client().login('owner@tandem.demo');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^tandem_session=/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('refuses a session left idle past SESSION_IDLE_MINUTES, though not yet expired', async () => {
    let now = new Date('2030-03-01T09:00:00.000Z');
    const { client } = await createTestApp(
      handle(),
      { SESSION_IDLE_MINUTES: '60', SESSION_TTL_HOURS: '24' },
      { now: () => now },
    );
    const browser = client();
    const login = await browser.login('contributor@tandem.demo');
    expect(login.status, JSON.stringify(await login.clone().json())).toBe(200);
    const sessionId = sessionIdFor(browser.cookie().split('=')[1]!);
    const lastSeen = async () =>
      (await sessionsRepository(handle().db).findValid(sessionId, now.toISOString()))?.lastSeenAt;

    // Used every 50 minutes, it stays alive well past one idle period.
    for (const minutes of [50, 100, 150]) {
      now = new Date(Date.parse('2030-03-01T09:00:00.000Z') + minutes * 60_000);
      expect((await browser.request('GET', '/api/auth/session')).status).toBe(200);
      expect(await lastSeen()).toBe(now.toISOString());
    }
    // Seconds later: read, not written again (at most one write a minute).
    const seen = now.toISOString();
    now = new Date(now.getTime() + 20_000);
    expect((await browser.request('GET', '/api/auth/session')).status).toBe(200);
    expect(await lastSeen()).toBe(seen);

    // Then left alone for 61 minutes: refused, and a write with it is refused too.
    now = new Date(now.getTime() + 61 * 60_000);
    expect((await browser.request('GET', '/api/auth/session')).status).toBe(401);
    const write = await browser.request('POST', '/api/auth/logout');
    expect(write.status).toBe(204);
  });

  it('still ends a busy session at its absolute lifetime', async () => {
    let now = new Date('2030-03-02T09:00:00.000Z');
    const { client } = await createTestApp(
      handle(),
      { SESSION_IDLE_MINUTES: '60', SESSION_TTL_HOURS: '2' },
      { now: () => now },
    );
    const browser = client();
    await browser.login('contributor@tandem.demo');
    for (const minutes of [30, 60, 90, 119]) {
      now = new Date(Date.parse('2030-03-02T09:00:00.000Z') + minutes * 60_000);
      expect((await browser.request('GET', '/api/auth/session')).status).toBe(200);
    }
    now = new Date(Date.parse('2030-03-02T11:00:00.000Z'));
    expect((await browser.request('GET', '/api/auth/session')).status).toBe(401);
  });

  it('tells anonymous callers only ok / not ok on /api/health, owners the details', async () => {
    const { client } = await createTestApp(handle());
    const anonymous = await client().request('GET', '/api/health');
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({ status: 'ok' });

    const viewer = client();
    await viewer.login('viewer@tandem.demo');
    expect(await (await viewer.request('GET', '/api/health')).json()).toEqual({ status: 'ok' });

    const owner = client();
    await owner.login('owner@tandem.demo');
    const details = await (await owner.request('GET', '/api/health')).json();
    expect(details).toMatchObject({
      status: 'ok',
      database: { dialect: handle().dialect, migrations: { pending: 0 } },
    });
    expect(typeof details.version).toBe('string');
  });
});
