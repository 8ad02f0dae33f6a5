import { describe, expect, it } from 'vitest';
import { createRemoteServiceConnector, remoteServiceConfigSchema } from '../src/index.ts';
import { makeCtx } from './support/context.ts';
import { startTracker, TRACKER_SECRET } from './support/tracker-service.ts';

describe('the config the sync runner builds', () => {
  it('reads the account URL as the services’ address and the workspace as the service', () => {
    expect(
      remoteServiceConfigSchema.parse({
        accountUrl: 'https://services.example/',
        authKind: 'api_key',
        workspaceId: 'jira',
        projectId: 'records',
        excludeChildUpdates: false,
      }),
    ).toMatchObject({
      endpointUrl: 'https://services.example/services/jira',
      baseUrl: 'https://services.example',
      service: 'jira',
      data: {},
    });
    expect(
      remoteServiceConfigSchema.safeParse({
        accountUrl: 'https://x.example',
        workspaceId: 'Not A Name',
      }).success,
    ).toBe(false);
  });

  it('lists the services of /configuration as workspaces and sends to /services/<name>', async () => {
    const tracker = await startTracker();
    try {
      const connector = createRemoteServiceConnector();
      const base = makeCtx(tracker.url, TRACKER_SECRET);
      const ctx = {
        ...base,
        config: remoteServiceConfigSchema.parse({
          accountUrl: tracker.url,
          workspaceId: 'tracker',
          projectId: 'records',
        }),
      };
      expect(await connector.listWorkspaces(ctx)).toEqual([{ id: 'tracker', name: 'Tracker' }]);
      const created = await connector.createRecord(ctx, {
        scope: { workspaceId: 'tracker' },
        type: 'feature',
        fields: { name: 'Via the runner shape' },
        idempotencyToken: 'shape-1',
      });
      expect(created.formattedId).toMatch(/^TR-\d+$/);
      expect(base.log.map((entry) => new URL(entry.url).pathname)).toEqual([
        '/configuration',
        '/services/tracker',
      ]);
    } finally {
      await tracker.close();
    }
  });
});
