import { describe, expect, it } from 'vitest';
import { expiresSoon, type OAuthGrant, oauthCredentials, RemoteError } from '../../src/index.ts';

const now = Date.parse('2026-01-01T12:00:00.000Z');
const grant = (expiresInMs: number | null, token = 'old'): OAuthGrant => ({
  accessToken: token,
  refreshToken: 'refresh',
  expiresAt: expiresInMs === null ? null : new Date(now + expiresInMs).toISOString(),
  scope: 'alm',
});

function setup(initial: OAuthGrant, refresh: () => Promise<OAuthGrant>) {
  let stored = initial;
  let calls = 0;
  const credentials = oauthCredentials({
    load: async () => stored,
    save: async (fresh) => {
      stored = fresh;
    },
    refresh: async () => {
      calls += 1;
      return refresh();
    },
    now: () => now,
  });
  return { credentials, stored: () => stored, calls: () => calls };
}

describe('oauthCredentials', () => {
  it('uses the stored token while more than two minutes are left', async () => {
    const s = setup(grant(3 * 60_000), async () => grant(86_400_000, 'new'));
    expect(await s.credentials()).toMatchObject({ kind: 'oauth2', accessToken: 'old' });
    expect(s.calls()).toBe(0);
    expect(expiresSoon(grant(null), now)).toBe(false);
  });

  it('refreshes once for many callers when less than two minutes are left, and saves the grant', async () => {
    const s = setup(grant(60_000), async () => grant(86_400_000, 'new'));
    const all = await Promise.all([s.credentials(), s.credentials(), s.credentials()]);
    expect(all.map((c) => (c.kind === 'oauth2' ? c.accessToken : ''))).toEqual([
      'new',
      'new',
      'new',
    ]);
    expect(s.calls()).toBe(1);
    expect(s.stored().accessToken).toBe('new');
  });

  it('keeps the old token through a passing outage while it is still valid', async () => {
    const s = setup(grant(60_000), async () => {
      throw new RemoteError('unavailable', 'token endpoint down');
    });
    expect(await s.credentials()).toMatchObject({ accessToken: 'old' });
  });

  it('a refused refresh, or an outage after expiry, reaches the caller', async () => {
    const refused = setup(grant(60_000), async () => {
      throw new RemoteError(
        'auth',
        'Rally refused the token refresh: re-authorize the integration',
      );
    });
    await expect(refused.credentials()).rejects.toMatchObject({ kind: 'auth' });
    const expired = setup(grant(-1000), async () => {
      throw new RemoteError('unavailable', 'token endpoint down');
    });
    await expect(expired.credentials()).rejects.toMatchObject({ kind: 'unavailable' });
  });
});
