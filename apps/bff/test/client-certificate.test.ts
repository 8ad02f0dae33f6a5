import { generateKeyPairSync } from 'node:crypto';
import { testClientCertificate } from '@tandem/sim-rally';
import { describe, expect, it } from 'vitest';
import { validateClientCertificate } from '../src/integrations/client-certificate.ts';

const { cert, key } = testClientCertificate();
const fields = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { details?: { fields?: unknown } }).details?.fields;
  }
  throw new Error('expected a validation error');
};

describe('client certificate check', () => {
  it('accepts a matching pair that is valid now', () => {
    const ok = validateClientCertificate({ privateKeyPem: key, certificatePem: cert }, new Date());
    expect(ok.cert).toContain('BEGIN CERTIFICATE');
    expect(Date.parse(ok.validTo)).toBeGreaterThan(Date.now());
  });

  it('refuses an expired certificate', () => {
    expect(
      fields(() =>
        validateClientCertificate(
          { privateKeyPem: key, certificatePem: cert },
          new Date('2099-01-01T00:00:00Z'),
        ),
      ),
    ).toEqual([
      { path: 'certificatePem', message: expect.stringMatching(/^The certificate expired on /) },
    ]);
  });

  it('refuses a key of another pair, and text that is not PEM, naming the field', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(
      fields(() =>
        validateClientCertificate({ privateKeyPem: other, certificatePem: cert }, new Date()),
      ),
    ).toEqual([
      { path: 'privateKeyPem', message: 'This private key does not belong to the certificate' },
    ]);
    expect(
      fields(() =>
        validateClientCertificate({ privateKeyPem: 'nope', certificatePem: 'nope' }, new Date()),
      ),
    ).toEqual([
      { path: 'privateKeyPem', message: expect.stringContaining('not a PEM private key') },
      { path: 'certificatePem', message: expect.stringContaining('not a PEM certificate') },
    ]);
  });
});
