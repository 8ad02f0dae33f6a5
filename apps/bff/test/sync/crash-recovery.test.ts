import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_ADMIN_API_KEY,
  type RunningRallySimulator,
  startRallySimulator,
} from '@tandem/sim-rally';
import { createSecretBox, type DatabaseHandle, openDatabase } from '@tandem/storage';
import { sendSelection } from '@tandem/sync-engine/runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rallyWorkspace } from './support.ts';

const server = new URL('../../src/server.ts', import.meta.url).pathname;
const FEATURES = 300;

describe('a BFF killed in the middle of a bulk send', () => {
  let sim: RunningRallySimulator;
  let dir: string;
  let database: DatabaseHandle;
  const key = randomBytes(32).toString('base64');

  beforeAll(async () => {
    sim = await startRallySimulator({ port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'tandem-crash-'));
    database = await openDatabase({ dialect: 'sqlite', path: join(dir, 'tandem.sqlite') });
    await database.migrate();
  });
  afterAll(async () => {
    await database.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function startServer(): ChildProcess {
    return spawn(process.execPath, ['--disable-warning=ExperimentalWarning', server], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        DATA_DIR: dir,
        TANDEM_SECRET_KEY: key,
        LOG_LEVEL: 'silent',
        ALLOW_PRIVATE_NETWORK: 'true',
      },
      stdio: 'ignore',
    });
  }

  async function linkedCount(integrationId: string): Promise<number> {
    const row = await database.db
      .selectFrom('record_syncs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('integration_id', '=', integrationId)
      .where('record_type', '=', 'feature')
      .where('state_name', '=', 'linked')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function waitFor(check: () => Promise<boolean>, ms: number) {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }

  it('finishes after a restart with every feature sent exactly once', {
    timeout: 180_000,
  }, async () => {
    const ws = await rallyWorkspace(database, sim.url, {
      box: createSecretBox(Buffer.from(key, 'base64')),
    });
    await ws.sync.close();
    const prefix = `Crash-${ws.workspace.key}`;
    const ids: string[] = [];
    for (let i = 0; i < FEATURES; i++) ids.push((await ws.feature(`${prefix} #${i}`)).id);
    await fetch(`${sim.url}/__sim/latency`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fixedMs: 40 }),
    });
    await sendSelection(ws.sync.deps, ws.integrationId, { featureIds: ids });

    const first = startServer();
    expect(await waitFor(async () => (await linkedCount(ws.integrationId)) >= 40, 60_000)).toBe(
      true,
    );
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = await linkedCount(ws.integrationId);
    expect(atKill).toBeLessThan(FEATURES);

    const second = startServer();
    try {
      expect(
        await waitFor(async () => (await linkedCount(ws.integrationId)) === FEATURES, 120_000),
      ).toBe(true);
    } finally {
      second.kill('SIGTERM');
    }
    await fetch(`${sim.url}/__sim/latency`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });

    const counts = new Map<string, number>();
    const res = await fetch(
      `${sim.url}/slm/webservice/v2.0/portfolioitem/feature?query=(Name contains "${prefix}")&fetch=Name&pagesize=2000`,
      { headers: { zsessionid: DEFAULT_ADMIN_API_KEY } },
    );
    const page = (await res.json()) as { QueryResult: { Results: { Name: string }[] } };
    for (const r of page.QueryResult.Results) counts.set(r.Name, (counts.get(r.Name) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    expect(counts.size).toBe(FEATURES);
  });
});
