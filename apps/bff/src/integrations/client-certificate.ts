import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import type { FieldIssue } from '@tandem/contracts';
import { AppError } from '../lib/errors.ts';

export type ValidCertificate = { cert: string; key: string; subject: string; validTo: string };

/**
 * Checks a pasted private key and client certificate: both PEM, the key matches the
 * certificate, and the certificate is valid now. Each problem is a field message.
 */
export function validateClientCertificate(
  input: { privateKeyPem: string; certificatePem: string },
  now: Date,
): ValidCertificate {
  const issues: FieldIssue[] = [];
  let key: KeyObject | undefined;
  let cert: X509Certificate | undefined;
  try {
    key = createPrivateKey(input.privateKeyPem);
  } catch {
    issues.push({
      path: 'privateKeyPem',
      message:
        'This is not a PEM private key (it starts with -----BEGIN PRIVATE KEY----- and is not protected by a passphrase)',
    });
  }
  try {
    cert = new X509Certificate(input.certificatePem);
  } catch {
    issues.push({
      path: 'certificatePem',
      message: 'This is not a PEM certificate (it starts with -----BEGIN CERTIFICATE-----)',
    });
  }
  if (key && cert) {
    if (!cert.checkPrivateKey(key)) {
      issues.push({
        path: 'privateKeyPem',
        message: 'This private key does not belong to the certificate',
      });
    }
    if (Date.parse(cert.validTo) < now.getTime()) {
      issues.push({
        path: 'certificatePem',
        message: `The certificate expired on ${cert.validTo}`,
      });
    } else if (Date.parse(cert.validFrom) > now.getTime()) {
      issues.push({
        path: 'certificatePem',
        message: `The certificate is not valid before ${cert.validFrom}`,
      });
    }
  }
  if (issues.length > 0 || !key || !cert) {
    throw AppError.validation(issues, issues[0]?.message ?? 'The client certificate is not valid');
  }
  return {
    cert: input.certificatePem.trim(),
    key: input.privateKeyPem.trim(),
    subject: cert.subject,
    validTo: new Date(cert.validTo).toISOString(),
  };
}
