/**
 * Writes the simulator's long-lived test CA under `test-ca/`: a CA, a server certificate for
 * 127.0.0.1 / ::1 / localhost, and one client certificate signed by the CA (ECDSA P-256, valid
 * 20 years). Run once with `node scripts/generate-test-ca.ts`; the PEMs are committed. They are
 * test material only: the private keys are public.
 */
import { webcrypto } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

const crypto = webcrypto;
x509.cryptoProvider.set(crypto as never);
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-ca');
const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const notBefore = new Date('2025-01-01T00:00:00Z');
const notAfter = new Date('2045-01-01T00:00:00Z');

async function pemKey(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey('pkcs8', key)).toString('base64');
  return `-----BEGIN PRIVATE KEY-----\n${der.match(/.{1,64}/g)?.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

const caKeys = await crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
const ca = await x509.X509CertificateGenerator.createSelfSigned({
  serialNumber: '01',
  name: 'CN=Tandem Rally Simulator Test CA',
  notBefore,
  notAfter,
  keys: caKeys,
  signingAlgorithm: alg,
  extensions: [
    new x509.BasicConstraintsExtension(true, 0, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
  ],
});

async function leaf(
  serial: string,
  cn: string,
  usage: string,
  san?: x509.SubjectAlternativeNameExtension,
) {
  const keys = await crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial,
    subject: `CN=${cn}`,
    issuer: ca.subject,
    notBefore,
    notAfter,
    signingKey: caKeys.privateKey,
    publicKey: keys.publicKey,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([usage]),
      await x509.AuthorityKeyIdentifierExtension.create(ca, false),
      ...(san ? [san] : []),
    ],
  });
  return { cert: cert.toString('pem'), key: await pemKey(keys.privateKey) };
}

const server = await leaf(
  '02',
  'localhost',
  x509.ExtendedKeyUsage.serverAuth,
  new x509.SubjectAlternativeNameExtension([
    { type: 'dns', value: 'localhost' },
    { type: 'ip', value: '127.0.0.1' },
    { type: 'ip', value: '::1' },
  ]),
);
const client = await leaf('03', 'tandem-test-client', x509.ExtendedKeyUsage.clientAuth);

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'ca.pem'), `${ca.toString('pem')}\n`);
writeFileSync(join(OUT, 'server.pem'), `${server.cert}\n`);
writeFileSync(join(OUT, 'server-key.pem'), server.key);
writeFileSync(join(OUT, 'client.pem'), `${client.cert}\n`);
writeFileSync(join(OUT, 'client-key.pem'), client.key);
console.info(`wrote test CA, server and client certificates to ${OUT}`);
