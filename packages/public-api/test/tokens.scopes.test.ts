import { describeEachDialect } from '@tandem/storage/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tokenRepository } from '../src/index.ts';
import type { TokensDb } from '../src/tokens/token-repository.ts';
import { seedWorkspace, servePublicApi } from './support/serve.ts';

describeEachDialect('public API tokens', (handle) => {
  let api: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    api = await servePublicApi(handle());
  });
  afterAll(() => api?.close());

  const tokens = () => tokenRepository(handle().db as unknown as TokensDb);
  const call = (path: string, secret: string | null, init: RequestInit = {}) =>
    fetch(`${api.url}${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      },
    });

  it('stores only a hash, and a read token reads its workspace’s records with integration fields', async () => {
    const s = await seedWorkspace(handle());
    const { secret, token } = await tokens().issue({
      workspaceId: s.workspace.id,
      name: 'reader',
      kind: 'personal',
      scope: 'read',
      createdBy: s.owner.id,
      now: new Date(),
    });
    const stored = await handle()
      .db.selectFrom('api_tokens' as never)
      .selectAll()
      .execute();
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(token.prefix).toBe(`${secret.slice(0, 8)}…`);

    const response = await call(`/features/${s.feature.id}`, secret);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: s.feature.id,
      name: 'Checkout',
      requirements: [],
      integrationFields: {},
    });
  });

  it('refuses a read token on writes, and writes with a write token (as the integration)', async () => {
    const s = await seedWorkspace(handle());
    const issue = (scope: 'read' | 'write') =>
      tokens().issue({
        workspaceId: s.workspace.id,
        name: scope,
        kind: 'integration',
        scope,
        integrationId: s.integration.id,
        createdBy: s.owner.id,
        now: new Date(),
      });
    const reader = await issue('read');
    const writer = await issue('write');
    const path = `/features/${s.feature.id}/integrations/${s.integration.id}/fields`;
    const body = JSON.stringify({
      fields: { id: '4711', key: 'APP-1', url: 'https://tracker.example/APP-1' },
    });

    const refused = await call(path, reader.secret, { method: 'PUT', body });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden' } });

    const written = await call(path, writer.secret, { method: 'PUT', body });
    expect(written.status).toBe(200);
    expect(await written.json()).toEqual({
      fields: { id: '4711', key: 'APP-1', url: 'https://tracker.example/APP-1' },
    });
    const feature = (await (await call(`/features/${s.feature.id}`, reader.secret)).json()) as {
      integrationFields: Record<string, unknown>;
    };
    expect(feature.integrationFields[s.integration.id]).toMatchObject({ key: 'APP-1' });

    const requirement = await call(`/features/${s.feature.id}/requirements`, writer.secret, {
      method: 'POST',
      body: JSON.stringify({ name: 'Pay by card' }),
    });
    expect(requirement.status).toBe(201);
    expect(await requirement.json()).toMatchObject({
      featureId: s.feature.id,
      name: 'Pay by card',
    });
  });

  it('refuses a revoked token at once, an unknown or missing one, and records of another workspace', async () => {
    const s = await seedWorkspace(handle());
    const other = await seedWorkspace(handle());
    const { secret, token } = await tokens().issue({
      workspaceId: s.workspace.id,
      name: 'x',
      kind: 'personal',
      scope: 'write',
      createdBy: s.owner.id,
      now: new Date(),
    });
    expect((await call(`/features/${s.feature.id}`, secret)).status).toBe(200);
    expect((await call(`/features/${other.feature.id}`, secret)).status).toBe(404);
    expect(
      (
        await call(
          `/features/${other.feature.id}/integrations/${other.integration.id}/fields`,
          secret,
          { method: 'PUT', body: JSON.stringify({ fields: { id: '1' } }) },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await call(
          `/features/${s.feature.id}/integrations/${other.integration.id}/fields`,
          secret,
          { method: 'PUT', body: JSON.stringify({ fields: { id: '1' } }) },
        )
      ).status,
    ).toBe(404);

    expect(await tokens().revoke(other.workspace.id, token.id, new Date())).toBe(false);
    expect(await tokens().revoke(s.workspace.id, token.id, new Date())).toBe(true);
    const revoked = await call(`/features/${s.feature.id}`, secret);
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({
      error: { code: 'unauthenticated', message: 'This API token is unknown or revoked' },
    });
    expect((await call(`/features/${s.feature.id}`, 'tdm_not-a-real-token')).status).toBe(401);
    expect((await call(`/features/${s.feature.id}`, null)).status).toBe(401);
  });

  it('answers an invalid body with 422 and writes nothing', async () => {
    const s = await seedWorkspace(handle());
    const { secret } = await tokens().issue({
      workspaceId: s.workspace.id,
      name: 'w',
      kind: 'personal',
      scope: 'write',
      createdBy: s.owner.id,
      now: new Date(),
    });
    const path = `/features/${s.feature.id}/integrations/${s.integration.id}/fields`;
    const bad = await call(path, secret, {
      method: 'PUT',
      body: JSON.stringify({ fields: { id: { nested: true } } }),
    });
    expect(bad.status).toBe(422);
    const feature = (await (await call(`/features/${s.feature.id}`, secret)).json()) as {
      integrationFields: Record<string, unknown>;
    };
    expect(feature.integrationFields).toEqual({});
  });
});
