import { connectorListSchema } from '@tandem/contracts';
import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { createTestApp } from './support/test-app.ts';

describeEachDialect('GET /api/connectors', (handle) => {
  it('lists the registered systems with their presentations to anyone signed in', async () => {
    const { client } = await createTestApp(handle());
    const browser = client();
    await browser.login('viewer@tandem.demo');
    const res = await browser.request('GET', '/api/connectors');
    expect(res.status).toBe(200);
    const { connectors } = connectorListSchema.parse(await res.json());
    expect(connectors.map((c) => c.system)).toEqual(['rally', 'azure_devops']);
    const [rally, ado] = connectors;
    expect(rally?.displayName).toBe('Rally');
    expect(rally?.steps.map((s) => s.id)).toEqual([
      'name',
      'account',
      'authorize',
      'workspace',
      'project',
      'mappings',
      'statuses',
      'enable',
    ]);
    expect(rally?.account.label).toBe('Rally account URL');
    // The seed's words and order for Azure DevOps: organization, token, project, area, types, states.
    expect(ado?.steps.map((s) => s.title)).toEqual([
      'Name',
      'Organization',
      'Personal access token',
      'Project',
      'Area path',
      'Work item types',
      'States',
      'Enable',
    ]);
    expect(ado?.authorize.secret).toMatchObject({ kind: 'pat', button: 'Test connection' });
  });

  it('answers 401 without a session', async () => {
    const { client } = await createTestApp(handle());
    const res = await client().request('GET', '/api/connectors');
    expect(res.status).toBe(401);
  });
});
