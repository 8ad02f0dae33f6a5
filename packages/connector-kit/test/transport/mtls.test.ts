import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLocalBudget,
  createTransport,
  RemoteError,
  type Transport,
} from '../../src/index.ts';
import { makeTestPki, type TestPki } from '../support/certs.ts';
import { sendJson, startHttpsServer, type TestServer } from '../support/http-server.ts';

let pki: TestPki;
let server: TestServer;
const transports: Transport[] = [];

beforeAll(async () => {
  pki = makeTestPki();
  server = await startHttpsServer(
    {
      cert: pki.server.cert,
      key: pki.server.key,
      ca: pki.ca.cert,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (request, response) => {
      const peer = (request.socket as TLSSocket).getPeerCertificate();
      sendJson(response, 200, { clientCn: peer.subject?.CN ?? null });
    },
  );
}, 30_000);

afterAll(async () => {
  await Promise.all(transports.map((transport) => transport.close()));
  await server.close();
});

function transport(options: Partial<Parameters<typeof createTransport>[0]>): Transport {
  const instance = createTransport({
    allowPrivateNetwork: true, // the test server listens on 127.0.0.1
    accountKey: `mtls:${Math.random()}`,
    maxConcurrent: 2,
    baseUrl: server.url,
    budget: createLocalBudget(),
    retry: { maxAttempts: 1 },
    ...options,
  });
  transports.push(instance);
  return instance;
}

describe('mTLS client certificate', () => {
  it('presents the configured client certificate', async () => {
    const t = transport({
      clientCertificate: { cert: pki.client.cert, key: pki.client.key, ca: pki.ca.cert },
    });
    const response = await t.request({ method: 'GET', url: '/whoami' });
    expect(response.json()).toEqual({ clientCn: 'client' });
  });

  // Under TLS 1.3 the remote's "certificate required" alert arrives after our request was
  // written, and undici reports it as the other side closing: connection_dropped, not forbidden.
  it('fails with a RemoteError when the remote requires a certificate and none is set', async () => {
    const t = transport({ ca: pki.ca.cert });
    const error = await t.request({ method: 'GET', url: '/whoami' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect(['forbidden', 'connection_dropped']).toContain((error as RemoteError).kind);
  });

  it('fails when the certificate is signed by a CA the remote does not trust', async () => {
    const t = transport({
      clientCertificate: {
        cert: pki.strangerClient.cert,
        key: pki.strangerClient.key,
        ca: pki.ca.cert,
      },
    });
    const error = await t.request({ method: 'GET', url: '/whoami' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).status).toBeUndefined();
  });

  it('refuses a server certificate it cannot verify, without retrying', async () => {
    const t = transport({
      clientCertificate: { cert: pki.client.cert, key: pki.client.key },
      retry: { maxAttempts: 3 },
    });
    const error = await t.request({ method: 'GET', url: '/whoami' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unknown', retryable: false, ambiguous: false });
  });
});
