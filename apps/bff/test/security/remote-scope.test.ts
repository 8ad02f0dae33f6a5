import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { signedInOwner } from '../wizard/suite-setup.ts';

/**
 * A Rally workspace or project that is not a Rally reference was saved, and every later connect
 * (enable, a project change on an enabled integration, a send) answered 500 with the connector's
 * ZodError (found by fuzz-routes). It is bad input when it is saved.
 */
describeEachDialect('Remote workspace and project references', (handle) => {
  it('are refused with 400 when they are not references the connector reads', async () => {
    const { app, browser, base } = await signedInOwner(handle());
    const draft = await (
      await browser.request('POST', base, { system: 'rally', name: 'Scope' })
    ).json();
    const bad = await browser.request('PATCH', `${base}/${draft.id}`, {
      version: draft.version,
      settings: {
        remoteWorkspace: { id: 'd62fecf8-0011-1000-bbe6-9e6100000001', name: 'Acme' },
        remoteProject: { id: '12345', name: 'Team Alpha' },
      },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details.fields).toEqual([
      { path: 'settings.remoteWorkspace.id', message: expect.stringMatching(/workspace/i) },
    ]);
    const saved = await (await browser.request('GET', `${base}/${draft.id}`)).json();
    expect(saved.version).toBe(draft.version);
    const good = await browser.request('PATCH', `${base}/${draft.id}`, {
      version: draft.version,
      settings: { remoteWorkspace: { id: '100', name: 'Acme' } },
    });
    expect(good.status).toBe(200);
    await app.close();
  });
});
