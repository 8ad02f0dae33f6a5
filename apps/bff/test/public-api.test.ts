import { Validator } from '@seriousme/openapi-schema-validator';
import { integrationsRepository } from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { roadmapFixture } from './support/roadmap.ts';

describeEachDialect('public API with tokens (issue 22)', (handle) => {
  async function setup() {
    const f = await roadmapFixture(handle());
    const feature = await (
      await f.owner.request('POST', `${f.base}/features`, {
        name: 'Checkout',
        releaseId: f.release.id,
      })
    ).json();
    const integration = await integrationsRepository(handle().db).create({
      workspaceId: f.workspace.id,
      system: 'rally',
      name: 'A service',
      templateId: null,
      config: {},
    });
    const issue = async (scope: 'read' | 'write', kind = 'personal') =>
      (
        await f.owner.request('POST', `${f.base}/api-tokens`, {
          name: `${scope} token`,
          scope,
          kind,
          integrationId: kind === 'integration' ? integration.id : null,
        })
      ).json();
    // A script: no cookie, no CSRF token, only the bearer token.
    const call = (path: string, secret: string, init: RequestInit = {}) =>
      f
        .client()
        .request(
          init.method ?? 'GET',
          `/api/public/v1${path}`,
          init.body ? JSON.parse(String(init.body)) : undefined,
          {
            authorization: `Bearer ${secret}`,
          },
        );
    return { f, feature, integration, issue, call };
  }

  it('owners issue tokens (the secret once, a hash kept); scripts read and write with them', async () => {
    const { f, feature, integration, issue, call } = await setup();
    const writer = await issue('write', 'integration');
    expect(writer.secret).toMatch(/^tdm_/);
    expect(writer.token).toMatchObject({
      scope: 'write',
      kind: 'integration',
      integrationId: integration.id,
    });
    const listed = await (await f.owner.request('GET', `${f.base}/api-tokens`)).json();
    expect(JSON.stringify(listed)).not.toContain(writer.secret);

    const put = await call(
      `/features/${feature.id}/integrations/${integration.id}/fields`,
      writer.secret,
      {
        method: 'PUT',
        body: JSON.stringify({ fields: { id: '4711', key: 'APP-1' } }),
      },
    );
    expect(put.status).toBe(200);
    const read = await (await call(`/features/${feature.id}`, writer.secret)).json();
    expect(read.integrationFields[integration.id]).toMatchObject({ key: 'APP-1' });
    const added = await call(`/features/${feature.id}/requirements`, writer.secret, {
      method: 'POST',
      body: JSON.stringify({ name: 'Pay by card' }),
    });
    expect(added.status).toBe(201);
  });

  it('refuses a read token on writes and a revoked token at once; only owners manage tokens', async () => {
    const { f, feature, integration, issue, call } = await setup();
    const reader = await issue('read');
    const path = `/features/${feature.id}/integrations/${integration.id}/fields`;
    const write = await call(path, reader.secret, {
      method: 'PUT',
      body: JSON.stringify({ fields: { id: '1' } }),
    });
    expect(write.status).toBe(403);
    expect((await call(`/features/${feature.id}`, reader.secret)).status).toBe(200);

    expect(
      (await f.owner.request('DELETE', `${f.base}/api-tokens/${reader.token.id}`)).status,
    ).toBe(204);
    expect((await call(`/features/${feature.id}`, reader.secret)).status).toBe(401);

    expect(
      (await f.contributor.request('POST', `${f.base}/api-tokens`, { name: 'x', scope: 'write' }))
        .status,
    ).toBe(403);
    expect((await f.contributor.request('GET', `${f.base}/api-tokens`)).status).toBe(403);
  });

  it('serves /api/openapi.json without a session: a valid OpenAPI 3.1 document of every public route', async () => {
    const { f } = await setup();
    const response = await f.client().request('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    const document = await response.json();
    const result = await new Validator().validate(document);
    expect(result.valid, JSON.stringify(result.errors)).toBe(true);
    expect(Object.keys(document.paths).sort()).toEqual([
      '/features/{featureId}',
      '/features/{featureId}/requirements',
      '/releases/{releaseId}',
      '/{collection}/{recordId}/integrations/{integrationId}/fields',
    ]);
  });
});
