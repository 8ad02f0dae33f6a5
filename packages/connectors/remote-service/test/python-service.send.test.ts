/**
 * A service in Python (standard library only) receives create_release then create_feature for a
 * send, and the integration fields it answers become the records' links: the protocol, not the
 * TypeScript kit, is the contract.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fixtureEvent, sendEvent } from '@tandem/service-kit/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteServiceConnector } from '../src/index.ts';
import { makeCtx } from './support/context.ts';
import { sendReleaseFeatureRequirement } from './support/send-plan.ts';

const secret = 'python-service-secret-0123456789';
let child: ChildProcess;
let url: string;

beforeAll(async () => {
  child = spawn('python3', [new URL('./python/service.py', import.meta.url).pathname], {
    env: { ...process.env, TANDEM_SERVICE_SECRET: secret },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.stdout?.once('data', (chunk: Buffer) => {
      const port = /listening (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
      else reject(new Error(`unexpected output: ${chunk}`));
    });
  });
});
afterAll(() => {
  child?.kill();
});

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
    const handled = (await (await fetch(url)).json()) as { events: string[] };
    expect(handled.events).toEqual(['create_release', 'create_feature', 'update_feature']);
  });

  it('refuses a forged signature and a replayed delivery', async () => {
    const event = fixtureEvent('create_feature', { service: 'python', data: {} });
    expect((await sendEvent(url, event, 'not-the-secret-0000000000')).status).toBe(401);
    expect((await sendEvent(url, event, secret)).status).toBe(200);
    expect((await sendEvent(url, event, secret)).status).toBe(409);
  });
});
