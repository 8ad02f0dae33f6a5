import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { createTestApp } from './support/test-app.ts';

describeEachDialect('bad input and permissions', (handle) => {
  async function signedIn(email = 'owner@tandem.demo', overrides: Record<string, string> = {}) {
    const { client } = await createTestApp(handle(), overrides);
    const browser = client();
    const { workspaces } = await (await browser.login(email)).json();
    return { browser, workspaceId: workspaces[0].id as string };
  }

  async function nameOf(browser: Awaited<ReturnType<typeof signedIn>>['browser'], id: string) {
    return (await (await browser.request('GET', `/api/workspaces/${id}`)).json()).name;
  }

  it('answers malformed JSON with 400 and writes nothing', async () => {
    const { browser, workspaceId } = await signedIn();
    const res = await browser.request('PATCH', `/api/workspaces/${workspaceId}`, '{"name": "Half');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: 'bad_request',
      message: 'The request body is not valid JSON',
    });
    expect(await nameOf(browser, workspaceId)).toBe('Mobile App');
  });

  it('answers wrong types and unknown fields with field-level messages', async () => {
    const { browser, workspaceId } = await signedIn();
    const res = await browser.request('PATCH', `/api/workspaces/${workspaceId}`, {
      name: 7,
      colour: 'red',
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'name' }),
        expect.objectContaining({ path: '(body)' }),
      ]),
    );
    expect(await nameOf(browser, workspaceId)).toBe('Mobile App');
  });

  it('answers an oversized body with 413 and writes nothing', async () => {
    const { browser, workspaceId } = await signedIn('owner@tandem.demo', {
      MAX_BODY_BYTES: '2048',
    });
    const res = await browser.request('PATCH', `/api/workspaces/${workspaceId}`, {
      name: 'x'.repeat(5000),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    expect(await nameOf(browser, workspaceId)).toBe('Mobile App');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const { browser } = await signedIn();
    const res = await browser.request('GET', '/api/nothing/here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('lets the owner rename the workspace', async () => {
    const { browser, workspaceId } = await signedIn();
    const res = await browser.request('PATCH', `/api/workspaces/${workspaceId}`, {
      name: 'Mobile',
    });
    expect(res.status).toBe(200);
    expect(await nameOf(browser, workspaceId)).toBe('Mobile');
    await browser.request('PATCH', `/api/workspaces/${workspaceId}`, { name: 'Mobile App' });
  });

  it('forbids a contributor an owner-only endpoint with 403, and lets them read', async () => {
    const { browser, workspaceId } = await signedIn('contributor@tandem.demo');
    const res = await browser.request('PATCH', `/api/workspaces/${workspaceId}`, {
      name: 'Mine now',
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
    expect(await nameOf(browser, workspaceId)).toBe('Mobile App');
    expect((await browser.request('GET', `/api/workspaces/${workspaceId}/members`)).status).toBe(
      200,
    );
  });

  it('hides workspaces from people outside them (404) and needs a session (401)', async () => {
    const { browser } = await signedIn();
    expect((await browser.request('GET', '/api/workspaces/not-a-real-id')).status).toBe(404);
    const { client } = await createTestApp(handle());
    const anonymous = client();
    const res = await anonymous.request('GET', '/api/auth/session');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
  });

  it('reports dialect and migration state on /api/health to an owner', async () => {
    const { client } = await createTestApp(handle());
    const owner = client();
    await owner.login('owner@tandem.demo');
    const res = await owner.request('GET', '/api/health');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(body.database.dialect).toBe(handle().dialect);
    expect(body.database.migrations.pending).toBe(0);
  });

  it('serves the SPA with history fallback, and assets as files', async () => {
    const { client } = await createTestApp(handle());
    const page = await client().request('GET', '/w/APP/features');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const asset = await client().request('GET', '/app.js');
    expect(await asset.text()).toContain('console.log');
  });
});
