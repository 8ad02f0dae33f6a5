/**
 * Benchmarks of issue 6, against a real BFF process and the Rally simulator in another process,
 * with 40 ms injected latency on every Rally call:
 *  - bulk send of 1,000 features × 3 requirements, bound 1.2 × ceil(remote calls / 12) × 40 ms;
 *  - send → link visible over SSE, p95 < 1 s (single-feature sends);
 *  - BFF resident memory during the bulk send < 300 MB.
 * Run: `node apps/bff/bench/bulk-send.ts [--features 1000] [--requirements 3]`. One JSON line per result.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_ADMIN_API_KEY } from '@tandem/sim-rally';
import {
  createSecretBox,
  integrationsRepository,
  openDatabase,
  usersRepository,
  workspacesRepository,
} from '@tandem/storage';
import { sql } from 'kysely';
import pino from 'pino';
import { completeDeps } from '../src/app-deps.ts';
import { seedDemoIdentity } from '../src/demo/seed-identity.ts';
import { parseEnv } from '../src/env.ts';
import { connectWithApiKey, enableIntegration } from '../src/integrations/integration-service.ts';
import { rallyWorkspace } from '../test/sync/support.ts';
import { freePort, serverNodeFlags, waitUntil } from './support/processes.ts';

const { values } = parseArgs({
  options: {
    features: { type: 'string', default: '1000' },
    requirements: { type: 'string', default: '3' },
    /**
     * The user's configuration (issue 17): connected with an API key and enabled through the
     * wizard's own service functions, so the remote's webhooks are registered and Tandem's
     * own creates come back as deliveries; the server logs at its shipped level (info).
     */
    webhooks: { type: 'boolean', default: false },
    /** Share of create calls that fail: a third 429 + Retry-After 1 s, 503, drop-after-commit. */
    faults: { type: 'string', default: '0' },
    database: { type: 'string', default: 'sqlite' },
  },
});
const FEATURES = Number(values.features);
const REQUIREMENTS = Number(values.requirements);
const WEBHOOKS = values.webhooks ?? false;
const FAULTS = Number(values.faults);
const POSTGRES = values.database === 'postgres';
const PG_BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const LATENCY_MS = 40;
const root = new URL('../../../', import.meta.url).pathname;

/** `BENCH_PROFILE=<dir>` writes a CPU profile of the BFF there (open it in Chrome DevTools). */
const profile = process.env.BENCH_PROFILE;

function start(entry: string, env: Record<string, string>): ChildProcess {
  const flags = [
    // The flags `./tandem start` runs the server with (see scripts/start.ts).
    ...(entry.includes('apps/bff') ? serverNodeFlags : []),
    ...(profile && entry.includes('apps/bff') ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    ...(process.env.BENCH_NODE_FLAGS && entry.includes('apps/bff')
      ? process.env.BENCH_NODE_FLAGS.split(' ')
      : []),
  ];
  return spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', ...flags, join(root, entry)],
    {
      env: {
        PATH: process.env.PATH ?? '',
        // As shipped (info) when measuring the user's configuration.
        LOG_LEVEL: WEBHOOKS ? (process.env.BENCH_LOG_LEVEL ?? 'info') : 'silent',
        ...env,
      },
      stdio: 'ignore',
    },
  );
}

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
const children: ChildProcess[] = [];
try {
  const simPort = await freePort();
  const simUrl = `http://127.0.0.1:${simPort}`;
  children.push(start('packages/simulators/rally/src/cli.ts', { SIM_RALLY_PORT: String(simPort) }));
  await waitUntil(async () => (await fetch(`${simUrl}/__sim/`)).ok, 20_000, 'the simulator');

  const key = randomBytes(32).toString('base64');
  let databaseUrl: string | undefined;
  if (POSTGRES) {
    const name = `tandem_bench_${randomBytes(4).toString('hex')}`;
    const admin = await openDatabase({ dialect: 'postgres', url: `${PG_BASE}/postgres` });
    await sql`create database ${sql.id(name)}`.execute(admin.db);
    await admin.close();
    databaseUrl = `${PG_BASE}/${name}`;
  }
  const database = databaseUrl
    ? await openDatabase({ dialect: 'postgres', url: databaseUrl })
    : await openDatabase({ dialect: 'sqlite', path: join(dir, 'tandem.sqlite') });
  await database.migrate();
  await seedDemoIdentity(database);
  const box = createSecretBox(Buffer.from(key, 'base64'));
  const ws = await rallyWorkspace(database, simUrl, { box });
  const port = await freePort();
  const app = `http://127.0.0.1:${port}`;
  if (WEBHOOKS) {
    // What the wizard's "Connect" and "Enable" do: the API key checked and stored with the
    // remote user it belongs to, then the webhooks registered at the BFF's public URL.
    const deps = completeDeps({
      env: parseEnv({ LOG_LEVEL: 'silent', ALLOW_PRIVATE_NETWORK: 'true', PUBLIC_URL: app }),
      database,
      logger: pino({ level: 'silent' }),
      secrets: box,
      sync: ws.sync,
    });
    let row = (await integrationsRepository(database.db).find(ws.integrationId))!;
    row = await connectWithApiKey(deps, row, DEFAULT_ADMIN_API_KEY);
    await enableIntegration(deps, row);
    await deps.webhookRefusals.close();
  }
  await ws.sync.close();
  const owner = await usersRepository(database.db).findByEmail('owner@tandem.demo');
  await workspacesRepository(database.db).addMember(ws.workspace.id, owner!.id, 'owner');
  const bulk: string[] = [];
  const names = Array.from({ length: REQUIREMENTS }, (_, i) => `Requirement ${i + 1}`);
  for (let i = 0; i < FEATURES; i++) bulk.push((await ws.feature(`Bulk feature #${i}`, names)).id);
  const probes: string[] = [];
  for (let i = 0; i < 30; i++) probes.push((await ws.feature(`SSE probe #${i}`)).id);

  await fetch(`${simUrl}/__sim/latency`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fixedMs: LATENCY_MS }),
  });

  if (FAULTS > 0) {
    // 8 % of creates fail, a third each way; a 429 holds its request slot for a second.
    for (const rule of [
      { action: 'status', status: 429, retryAfterSeconds: 1 },
      { action: 'status', status: 503 },
      { action: 'drop-after-commit' },
    ]) {
      await fetch(`${simUrl}/__sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'POST', path: '/create', rate: FAULTS / 3, ...rule }),
      });
    }
  }
  // The bundle `./tandem start` runs (`./tandem bench` builds it first).
  const bff = start(process.env.BENCH_SERVER ?? 'apps/bff/dist/server.js', {
    PORT: String(port),
    DATA_DIR: dir,
    TANDEM_SECRET_KEY: key,
    ALLOW_PRIVATE_NETWORK: 'true',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  children.push(bff);
  await waitUntil(async () => (await fetch(`${app}/api/health`)).ok, 30_000, 'the BFF');

  const login = await fetch(`${app}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: app },
    body: JSON.stringify({ email: 'owner@tandem.demo', password: 'tandem-demo' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const send = (featureIds: string[]) =>
    fetch(`${app}/api/workspaces/${ws.workspace.id}/integrations/${ws.integrationId}/sends`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie,
        'x-csrf-token': csrfToken,
        origin: app,
      },
      body: JSON.stringify({ featureIds }),
    });

  // send → link visible over SSE
  const stream = await fetch(`${app}/api/workspaces/${ws.workspace.id}/events/stream`, {
    headers: { cookie },
  });
  const reader = stream.body!.getReader();
  const decoder = new TextDecoder();
  const seen = new Map<string, number>();
  let buffer = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value);
      for (const line of buffer.split('\n')) {
        if (!line.startsWith('data: ')) continue;
        const event = JSON.parse(line.slice(6)) as { recordId?: string; origin?: string };
        if (
          event.recordId &&
          event.origin?.startsWith('integration:') &&
          !seen.has(event.recordId)
        ) {
          seen.set(event.recordId, performance.now());
        }
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    }
  })();
  // The release is created by the first send; keep it out of the SSE figures.
  await send([probes[0]!]);
  await waitUntil(async () => seen.has(probes[0]!), 10_000, 'the first link');
  const latencies: number[] = [];
  for (const id of probes.slice(1)) {
    const t0 = performance.now();
    const res = await send([id]);
    if (res.status !== 202) throw new Error(`send answered ${res.status}: ${await res.text()}`);
    await waitUntil(async () => seen.has(id), 10_000, `the link of ${id}`);
    latencies.push(seen.get(id)! - t0);
  }
  latencies.sort((a, b) => a - b);
  const p = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!;
  console.log(
    JSON.stringify({
      name: 'send-to-link-visible-over-sse',
      samples: latencies.length,
      p50Ms: Math.round(p(0.5)),
      p95Ms: Math.round(p(0.95)),
      boundMs: 1000,
      ratio: Number((p(0.95) / 1000).toFixed(2)),
      pass: p(0.95) < 1000,
    }),
  );

  // bulk send
  const remoteCalls = FEATURES * (1 + REQUIREMENTS);
  let maxRss = 0;
  const sampler = setInterval(() => {
    const status = readFileSync(`/proc/${bff.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    maxRss = Math.max(maxRss, kb);
  }, 100);
  const linked = async () => {
    const row = await database.db
      .selectFrom('record_syncs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('integration_id', '=', ws.integrationId)
      .where('state_name', '=', 'linked')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  // utime + stime of a process, in clock ticks (100 per second on Linux).
  const cpuTicks = (pid = bff.pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  const sim = children[0]!;
  const before = await linked();
  const cpuBefore = cpuTicks();
  const simCpuBefore = cpuTicks(sim.pid);
  const t0 = performance.now();
  const res = await send(bulk);
  if (res.status !== 202) throw new Error(`bulk send answered ${res.status}: ${await res.text()}`);
  const acceptedAfter = (performance.now() - t0) / 1000;
  await waitUntil(async () => (await linked()) - before >= remoteCalls, 600_000, 'the bulk send');
  const seconds = (performance.now() - t0) / 1000;
  // When the first feature of the send showed its link (how long the send took to get going).
  const firstLinked = Math.min(...bulk.map((id) => seen.get(id) ?? Number.POSITIVE_INFINITY));
  const bffCpuSeconds = (cpuTicks() - cpuBefore) / 100;
  const simulatorCpuSeconds = (cpuTicks(sim.pid) - simCpuBefore) / 100;
  clearInterval(sampler);
  const baseBound = (Math.ceil(remoteCalls / 12) * LATENCY_MS) / 1000;
  // With faults, every failed create is made again and a 429 holds its slot for Retry-After.
  const rules = FAULTS
    ? (
        (await (await fetch(`${simUrl}/__sim/faults`)).json()) as {
          rules: { status?: number; hits: number }[];
        }
      ).rules
    : [];
  const faultHits = rules.reduce((n, r) => n + r.hits, 0);
  const rateLimited = rules.filter((r) => r.status === 429).reduce((n, r) => n + r.hits, 0);
  const bound =
    (Math.ceil((remoteCalls + faultHits) / 12) * LATENCY_MS + (rateLimited * 1000) / 12) / 1000;
  // Integration-log rows the send left (after the echoes' aggregated line had time to go out).
  await new Promise((r) => setTimeout(r, 3_000));
  const logRows = Number(
    (
      await database.db
        .selectFrom('integration_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('integration_id', '=', ws.integrationId)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const logByEvent = Object.fromEntries(
    (
      await database.db
        .selectFrom('integration_log')
        .select(['event', 'level', (eb) => eb.fn.countAll<number>().as('n')])
        .where('integration_id', '=', ws.integrationId)
        .groupBy(['event', 'level'])
        .execute()
    ).map((r) => [`${r.event}/${r.level}`, Number(r.n)]),
  );
  const limitRatio = FAULTS > 0 || POSTGRES || FEATURES < 1000 ? 1.3 : 1.2;
  console.log(
    JSON.stringify({
      name: 'bulk-send-features-with-requirements',
      features: FEATURES,
      requirementsPerFeature: REQUIREMENTS,
      remoteCalls,
      latencyMs: LATENCY_MS,
      database: POSTGRES ? 'postgres' : 'sqlite',
      webhooks: WEBHOOKS,
      faultRate: FAULTS,
      faultHits,
      rateLimited,
      seconds: Number(seconds.toFixed(2)),
      acceptedAfterSeconds: Number(acceptedAfter.toFixed(2)),
      firstLinkAfterSeconds: Number(((firstLinked - t0) / 1000).toFixed(2)),
      bffCpuSeconds,
      simulatorCpuSeconds,
      bffCpuSecondsPer1000Creates: Number(((bffCpuSeconds * 1000) / remoteCalls).toFixed(2)),
      integrationLogRows: logRows,
      integrationLogRowsPer1000Creates: Math.round((logRows * 1000) / remoteCalls),
      logByEvent,
      baseBoundSeconds: baseBound,
      boundSeconds: Number(bound.toFixed(2)),
      ratio: Number((seconds / bound).toFixed(3)),
      limitRatio,
      pass: seconds <= bound * limitRatio,
      loadAverage: loadavg()[0],
    }),
  );
  console.log(
    JSON.stringify({
      name: 'bff-rss-during-bulk-send',
      maxMB: Math.round(maxRss / 1024),
      boundMB: 300,
      pass: maxRss / 1024 < 300,
    }),
  );
  await reader.cancel().catch(() => {});
  await database.close();
} finally {
  for (const child of children) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
