import { request } from 'node:https';
import rally from 'rally';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_ADMIN_API_KEY,
  loadTestCa,
  type RunningRallySimulator,
  SEED_IDS,
  testClientCertificate,
} from '../src/index.ts';
import { startSim, WSAPI } from './helpers.ts';

let sim: RunningRallySimulator;

beforeAll(async () => {
  sim = await startSim({ tls: true });
});
afterAll(async () => {
  await sim.close();
});

function get(
  path: string,
  tls: { ca: string; cert?: string; key?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${sim.url}${path}`,
      { ...tls, headers: { zsessionid: DEFAULT_ADMIN_API_KEY } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => {
          body += c.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('mTLS mode', () => {
  it('serves HTTPS with the test CA, and requires a client certificate once switched on', async () => {
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const { ca } = loadTestCa();
    expect((await get(`${WSAPI}/workspace/${SEED_IDS.workspace}`, { ca })).status).toBe(200);

    const on = await get('/__sim/mtls', { ca });
    expect(JSON.parse(on.body)).toMatchObject({ available: true, required: false });
    sim.simulator.control.setMtls(true);

    const without = await get(`${WSAPI}/workspace/${SEED_IDS.workspace}`, { ca });
    expect(without.status).toBe(403);
    expect(JSON.parse(without.body).OperationResult.Errors).toEqual([
      'A valid client certificate is required',
    ]);

    const client = testClientCertificate();
    const withCert = await get(`${WSAPI}/workspace/${SEED_IDS.workspace}`, {
      ca,
      cert: client.cert,
      key: client.key,
    });
    expect(withCert.status).toBe(200);
    expect(JSON.parse(withCert.body).Workspace.Name).toBe('Acme Product Development');

    // The official client works unchanged over mTLS through its request options.
    const api = rally({
      server: sim.url,
      apiKey: DEFAULT_ADMIN_API_KEY,
      requestOptions: { ca, cert: client.cert, key: client.key },
    });
    const story = await api.get({
      ref: `/hierarchicalrequirement/${SEED_IDS.storyParent}`,
      fetch: ['Name'],
    });
    expect(story.Object.Name).toBe('Export roadmap to CSV');
    const noCert = rally({
      server: sim.url,
      apiKey: DEFAULT_ADMIN_API_KEY,
      requestOptions: { ca },
    });
    await expect(
      noCert.get({ ref: `/hierarchicalrequirement/${SEED_IDS.storyParent}` }),
    ).rejects.toThrow('A valid client certificate is required');
    sim.simulator.control.setMtls(false);
  });
});
