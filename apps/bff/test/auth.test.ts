import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { createTestApp } from './support/test-app.ts';

describeEachDialect('sign-in and sessions', (handle) => {
  it('signs the owner in with an httpOnly SameSite=Lax cookie and returns the session', async () => {
    const { client } = await createTestApp(handle());
    const browser = client();
    const res = await browser.login('owner@tandem.demo');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^tandem_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const body = await res.json();
    expect(body.user.email).toBe('owner@tandem.demo');
    expect(body.workspaces.map((w: { key: string; role: string }) => [w.key, w.role])).toEqual([
      ['APP', 'owner'],
      ['PLT', 'owner'],
    ]);
    const again = await browser.request('GET', '/api/auth/session');
    expect(again.status).toBe(200);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const { client } = await createTestApp(handle());
    const wrong = await client().login('owner@tandem.demo', 'nope');
    const unknown = await client().login('nobody@tandem.demo', 'nope');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = await wrong.json();
    const b = await unknown.json();
    expect(a).toEqual(b);
    expect(a.error).toEqual({ code: 'unauthenticated', message: 'Email or password is incorrect' });
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('rate-limits repeated failures with 429 and Retry-After, even for the right password', async () => {
    const { client } = await createTestApp(handle(), { LOGIN_MAX_FAILURES: '3' });
    const browser = client();
    for (let i = 0; i < 3; i++)
      expect((await browser.login('viewer@tandem.demo', 'bad')).status).toBe(401);
    const limited = await browser.login('viewer@tandem.demo');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
  });

  it('rejects a login body of the wrong shape with field-level messages', async () => {
    const { client } = await createTestApp(handle());
    const res = await client().request('POST', '/api/auth/login', {
      email: 'not-an-email',
      password: 42,
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'email',
      'password',
    ]);
  });

  it('signs out: the session is gone and the cookie cleared', async () => {
    const { client } = await createTestApp(handle());
    const browser = client();
    await browser.login('contributor@tandem.demo');
    const out = await browser.request('POST', '/api/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/tandem_session=;/);
    expect((await browser.request('GET', '/api/auth/session')).status).toBe(401);
  });

  it('refuses a mutating request that lacks the CSRF token', async () => {
    const { client } = await createTestApp(handle());
    const browser = client();
    const login = await browser.login('owner@tandem.demo');
    const { workspaces } = await login.json();
    browser.forgetCsrf();
    const res = await browser.request('PATCH', `/api/workspaces/${workspaces[0].id}`, {
      name: 'Hijacked',
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('csrf_failed');
    const after = await browser.request('GET', `/api/workspaces/${workspaces[0].id}`);
    expect((await after.json()).name).toBe('Mobile App');
  });

  it('says which field is missing from a login', async () => {
    const { client } = await createTestApp(handle());
    const res = await client().request('POST', '/api/auth/login', { email: 'owner@tandem.demo' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.fields).toEqual([
      { path: 'password', message: 'Enter your password' },
    ]);
  });

  it('refuses a cross-site form post with a clear message', async () => {
    const { client } = await createTestApp(handle());
    const res = await client().request('POST', '/api/auth/login', 'email=a&password=b', {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: 'csrf_failed' });
  });
});
