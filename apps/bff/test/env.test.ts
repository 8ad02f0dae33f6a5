import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../src/env.ts';

describe('environment', () => {
  it('has working defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ HOST: '127.0.0.1', PORT: 3000, TANDEM_DEMO: false });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('reports each bad variable on its own line', () => {
    const error = (() => {
      try {
        parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect(error!.message).toContain('PORT:');
    expect(error!.message).toContain('DATABASE_URL: must start with postgres://');
  });
});
