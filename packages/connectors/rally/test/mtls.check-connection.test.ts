import { testClientCertificate } from '@tandem/sim-rally';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rallyConnector as rally } from '../src/index.ts';
import { makeCtx, scope, startSim } from './support/sim.ts';

let sim: Awaited<ReturnType<typeof startSim>>;
beforeAll(async () => {
  sim = await startSim({ tls: true });
  sim.simulator.control.setMtls(true);
});
afterAll(async () => {
  await sim.close();
});

describe('client certificate (mTLS)', () => {
  it('without the certificate Rally refuses with a clear "forbidden"; with it, everything works', async () => {
    const { ca, cert, key } = testClientCertificate();
    const without = makeCtx(sim.url, { transport: { ca } });
    const error = await rally.checkConnection(without).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'forbidden', retryable: false });
    expect((error as Error).message).toMatch(/client certificate/i);
    await without.transport.close();

    const withCertificate = makeCtx(sim.url, {
      transport: { clientCertificate: { cert, key, ca } },
    });
    await expect(rally.checkConnection(withCertificate)).resolves.toMatchObject({
      displayName: 'Pat Planner',
    });
    const record = await rally.createRecord(withCertificate, {
      scope,
      type: 'PortfolioItem/Feature',
      fields: { Name: 'Over mTLS' },
      idempotencyToken: 'mtls-1',
    });
    expect(record.url.startsWith('https://')).toBe(true);
    await withCertificate.transport.close();
  });
});
