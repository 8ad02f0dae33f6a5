import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const server = new URL('../src/server.ts', import.meta.url).pathname;

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', server], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('starting the server', () => {
  it('exits non-zero with one clear line when DATABASE_URL cannot be reached', () => {
    const run = start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/tandem' });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^tandem: Cannot reach PostgreSQL at 127\.0\.0\.1:1\/tandem \(ECONNREFUSED\)/,
    );
  });

  it('exits non-zero naming each bad variable', () => {
    const run = start({ PORT: 'abc', DATA_DIR: mkdtempSync(join(tmpdir(), 'tandem-')) });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^tandem: Invalid configuration:\n {2}PORT:/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
