/** The simulator's test CA: long-lived PEMs committed under `test-ca/` (see `scripts/generate-test-ca.ts`). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TlsMaterial } from '../create-simulator.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-ca');

let cached: TlsMaterial | undefined;

/** CA, server certificate (127.0.0.1, ::1, localhost) and one client certificate signed by the CA. */
export function loadTestCa(): TlsMaterial {
  cached ??= {
    ca: readFileSync(join(DIR, 'ca.pem'), 'utf8'),
    serverCert: readFileSync(join(DIR, 'server.pem'), 'utf8'),
    serverKey: readFileSync(join(DIR, 'server-key.pem'), 'utf8'),
    clientCert: readFileSync(join(DIR, 'client.pem'), 'utf8'),
    clientKey: readFileSync(join(DIR, 'client-key.pem'), 'utf8'),
  };
  return cached;
}

/** A client certificate/key pair the simulator accepts in mTLS mode, and the CA to trust. */
export function testClientCertificate(): { cert: string; key: string; ca: string } {
  const m = loadTestCa();
  return { cert: m.clientCert, key: m.clientKey, ca: m.ca };
}
