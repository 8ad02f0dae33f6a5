import { integrationTemplateSchema } from '@tandem/contracts';
import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { signedInOwner } from './suite-setup.ts';

describeEachDialect('integration templates API', (handle) => {
  it('creates, reads, edits and deletes a template; bad input changes nothing', async () => {
    const { app, browser, base } = await signedInOwner(handle(), {
      env: { ALLOW_PRIVATE_NETWORK: 'false' },
    });

    const made = await browser.request('POST', '/api/integration-templates', {
      name: 'Shared Rally',
      system: 'rally',
    });
    expect(made.status).toBe(201);
    const template = integrationTemplateSchema.parse(await made.json());
    expect(template).toMatchObject({
      hasCredentials: false,
      hasClientCertificate: false,
      usedBy: 0,
    });

    const blank = await browser.request('POST', '/api/integration-templates', {
      name: ' ',
      system: 'rally',
    });
    expect(blank.status).toBe(400);
    expect((await blank.json()).error.details.fields[0]).toEqual({
      path: 'name',
      message: 'Name the template',
    });
    const notMine = await browser.request('POST', '/api/integration-templates', {
      name: 'Copy',
      system: 'rally',
      fromIntegrationId: 'no-such-integration',
    });
    expect(notMine.status).toBe(400);
    expect((await notMine.json()).error.details.fields[0].path).toBe('fromIntegrationId');

    const url = `/api/integration-templates/${template.id}`;
    const refused = await browser.request('PATCH', url, {
      version: template.version,
      settings: { accountUrl: 'http://127.0.0.1:4010' },
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details.fields[0].path).toBe('settings.accountUrl');
    const renamed = await (
      await browser.request('PATCH', url, { version: template.version, name: 'Acme Rally' })
    ).json();
    expect(renamed.name).toBe('Acme Rally');
    const stale = await browser.request('PATCH', url, { version: template.version, name: 'Lost' });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.details.current.name).toBe('Acme Rally');
    expect((await (await browser.request('GET', url)).json()).settings).toEqual({});

    // An integration names an existing template of its system.
    const unknown = await browser.request('POST', base, {
      system: 'rally',
      name: 'X',
      templateId: 'nope',
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.details.fields[0]).toEqual({
      path: 'templateId',
      message: 'There is no such template',
    });
    const used = await (
      await browser.request('POST', base, {
        system: 'rally',
        name: 'From template',
        templateId: template.id,
      })
    ).json();
    const listed = await (await browser.request('GET', '/api/integration-templates')).json();
    expect(listed.templates.find((t: { id: string }) => t.id === template.id).usedBy).toBe(1);
    expect((await browser.request('DELETE', url)).status).toBe(409);
    // Deleting the integration drops its queued sync jobs, and no one else's.
    const queued = (queueName: string) =>
      app.sync.deps.queue.add({
        task: 'sync.deliver-event',
        payload: {},
        queueName,
        runAt: new Date(Date.now() + 3600_000),
      });
    await queued(`sync:${used.id}:some-record`);
    const other = await queued('sync:another-integration:some-record');
    expect((await browser.request('DELETE', `${base}/${used.id}`)).status).toBe(204);
    const left = await handle()
      .db.selectFrom('jobs')
      .select(['id', 'queue_name'])
      .where('queue_name', 'like', 'sync:%')
      .execute();
    expect(left.filter((j) => j.queue_name?.includes(used.id))).toEqual([]);
    expect(left.map((j) => Number(j.id))).toContain(other.id);
    expect((await browser.request('DELETE', url)).status).toBe(204);
    expect((await browser.request('GET', url)).status).toBe(404);
    await app.close();
  });
});
