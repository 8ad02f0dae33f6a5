/**
 * A service in Python (standard library only) receives create_release then create_feature for a
 * send, and the integration fields it answers become the records' links: the protocol, not the
 * TypeScript kit, is the contract.
 */
import { fixtureEvent, sendEvent } from '@tandem/service-kit/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteServiceConnector } from '../src/index.ts';
import { makeCtx } from './support/context.ts';
import { type RunningPython, startPythonService } from './support/python-service.ts';
import { sendReleaseFeatureRequirement } from './support/send-plan.ts';

const secret = 'python-service-secret-0123456789';
let python: RunningPython;
let url: string;

beforeAll(async () => {
  python = await startPythonService(secret);
  url = python.url;
});
afterAll(() => python?.close());

describe('a Python service', () => {
  it('receives create_release then create_feature, and its fields show on the records', async () => {
    const connector = createRemoteServiceConnector();
    const ctx = makeCtx(url, secret, { service: 'python' });
    const { release, feature, requirement } = await sendReleaseFeatureRequirement(
      connector,
      ctx,
      { release: 'Autumn', feature: 'Dark mode', requirement: 'Toggle' },
      'py',
    );

    expect(release).toMatchObject({ formattedId: 'PYR-1', url: 'https://py.example/items/1' });
    expect(feature).toMatchObject({ formattedId: 'PYF-2', url: 'https://py.example/items/2' });
    expect(requirement).toMatchObject({ formattedId: 'PYQ-3', parentId: feature.id });
    expect(await python.handled()).toEqual(['create_release', 'create_feature', 'update_feature']);
  });

  it('refuses a forged signature and a replayed delivery', async () => {
    const event = fixtureEvent('create_feature', { service: 'python', data: {} });
    expect((await sendEvent(url, event, 'not-the-secret-0000000000')).status).toBe(401);
    expect((await sendEvent(url, event, secret)).status).toBe(200);
    expect((await sendEvent(url, event, secret)).status).toBe(409);
  });
});
