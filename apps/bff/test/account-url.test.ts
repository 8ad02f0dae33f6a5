import { checkRemoteHost, isPrivateAddress, normaliseAccountUrl } from '@tandem/sync-engine/runner';
import { describe, expect, it } from 'vitest';

describe('account URL', () => {
  it('keeps only the origin of a pasted deep link', async () => {
    expect(await normaliseAccountUrl(' https://203.0.113.9/#/12345d/dashboard ', false)).toEqual({
      ok: true,
      url: 'https://203.0.113.9',
    });
  });

  it('adds https:// when the scheme is missing', async () => {
    expect(await normaliseAccountUrl('203.0.113.9', false)).toEqual({
      ok: true,
      url: 'https://203.0.113.9',
    });
  });

  it('refuses loopback and private addresses unless allowed', async () => {
    for (const url of [
      'http://127.0.0.1:4010',
      'https://10.1.2.3',
      'https://[::1]:8443',
      'https://169.254.169.254',
    ]) {
      const refused = await normaliseAccountUrl(url, false);
      expect(refused.ok, url).toBe(false);
      expect(!refused.ok && refused.message).toMatch(/is a private address|cloud metadata|https/);
    }
    expect(await normaliseAccountUrl('http://127.0.0.1:4010/slm', true)).toEqual({
      ok: true,
      url: 'http://127.0.0.1:4010',
    });
  });

  it('refuses a host name that resolves to loopback', async () => {
    const result = await normaliseAccountUrl('https://localhost:4010', false);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.message).toMatch(
      /^localhost resolves to a private address \((127\.0\.0\.1|::1)\); Tandem does not connect to private networks$/,
    );
  });

  it('explains malformed input', async () => {
    expect(await normaliseAccountUrl('', false)).toMatchObject({
      ok: false,
      message: 'Enter the URL you use to open your account',
    });
    expect(await normaliseAccountUrl('https://exa mple.com', false)).toMatchObject({
      ok: false,
      message: 'This is not a valid URL',
    });
    expect(await normaliseAccountUrl('ftp://203.0.113.9', false)).toMatchObject({
      ok: false,
      message: 'Use an https:// address',
    });
    expect(await normaliseAccountUrl('https://user:pw@203.0.113.9', false)).toMatchObject({
      ok: false,
    });
    expect(await normaliseAccountUrl('http://203.0.113.9', false)).toMatchObject({
      ok: false,
      message: 'Use an https:// address',
    });
  });

  it('checks entered hosts with the transport’s own classification', async () => {
    const resolveHost = async (host: string) =>
      host === 'nat64.example.test'
        ? [{ address: '64:ff9b::a00:1', family: 6 as const }]
        : [{ address: '203.0.113.9', family: 4 as const }];
    expect(await checkRemoteHost('nat64.example.test', false, resolveHost)).toEqual({
      ok: false,
      reason:
        'nat64.example.test resolves to a private address (64:ff9b::a00:1); Tandem does not connect to private networks',
    });
    expect(await checkRemoteHost('rally.example.test', false, resolveHost)).toEqual({
      ok: true,
      addresses: ['203.0.113.9'],
    });
  });

  it('classifies addresses', () => {
    expect(isPrivateAddress('192.168.1.1')).toBe(true);
    expect(isPrivateAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isPrivateAddress('fd12::1')).toBe(true);
    expect(isPrivateAddress('2002:7f00:1::')).toBe(true);
    expect(isPrivateAddress('::7f00:1')).toBe(true);
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('2001:db8::1')).toBe(false);
  });
});
