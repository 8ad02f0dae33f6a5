import { DEFAULT_OAUTH_CLIENT } from '@tandem/sim-rally';
import { describe, expect, it } from 'vitest';
import { parseEnv, publicUrl } from '../src/env.ts';

describe('Rally OAuth settings', () => {
  it("default to the simulator's demo client and to this server's own address", () => {
    const env = parseEnv({});
    expect(env.RALLY_OAUTH_CLIENT_ID).toBe(DEFAULT_OAUTH_CLIENT.clientId);
    expect(env.RALLY_OAUTH_CLIENT_SECRET).toBe(DEFAULT_OAUTH_CLIENT.clientSecret);
    expect(publicUrl(env)).toBe('http://127.0.0.1:3000');
    expect(publicUrl(parseEnv({ HOST: '::1', PORT: '8080' }))).toBe('http://[::1]:8080');
    expect(publicUrl(parseEnv({ PUBLIC_URL: 'https://tandem.example.com/' }))).toBe(
      'https://tandem.example.com',
    );
  });
});
