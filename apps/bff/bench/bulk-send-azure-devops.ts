/**
 * Issue 18: bulk send of 1,000 features × 3 requirements to Azure DevOps, against a real BFF
 * process (the bundle `./tandem start` runs) and the Azure DevOps simulator in another process,
 * with 40 ms injected latency on every call. Bound: 1.2 × ceil(creates / 10) × 40 ms, 10 being
 * the requests in flight the manifest holds an Azure DevOps identity to (see the connector's
 * README: Azure DevOps meters throughput, not concurrency).
 * Run: `node apps/bff/bench/bulk-send-azure-devops.ts [--features 1000] [--requirements 3]`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createSecretBox,
  openDatabase,
  usersRepository,
  workspacesRepository,
} from '@tandem/storage';
import { seedDemoIdentity } from '../src/demo/seed-identity.ts';
import { CONNECTORS } from '../src/sync/connectors.ts';
import { azureDevOpsWorkspace } from '../test/sync/azure-devops-support.ts';
import { freePort, serverNodeFlags, waitUntil } from './support/processes.ts';

const { values } = parseArgs({
  options: {
    features: { type: 'string', default: '1000' },
    requirements: { type: 'string', default: '3' },
  },
});
const FEATURES = Number(values.features);
const REQUIREMENTS = Number(values.requirements);
const LATENCY_MS = 40;
const CONCURRENCY = CONNECTORS.azure_devops!.manifest.maxConcurrentPerAccount;
const root = new URL('../../../', import.meta.url).pathname;
function start(entry: string, env: Record<string, string>): ChildProcess {
  const flags = entry.includes('apps/bff') ? serverNodeFlags : [];
  return spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', ...flags, join(root, entry)],
    {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
      stdio: 'ignore',
    },
  );
}

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-ado-'));
const children: ChildProcess[] = [];
try {
  const simPort = await freePort();
  const simUrl = `http://127.0.0.1:${simPort}`;
  const orgUrl = `${simUrl}/tandem-demo`;
  children.push(
    start('packages/simulators/azure-devops/src/cli.ts', {
      SIM_ADO_PORT: String(simPort),
    }),
  );
  await waitUntil(async () => (await fetch(`${simUrl}/__sim/`)).ok, 20_000, 'the simulator');

  const key = randomBytes(32).toString('base64');
  const database = await openDatabase({ dialect: 'sqlite', path: join(dir, 'tandem.sqlite') });
  await database.migrate();
  await seedDemoIdentity(database);
  const box = createSecretBox(Buffer.from(key, 'base64'));
  const ws = await azureDevOpsWorkspace(database, orgUrl, { box });
  await ws.sync.close();
  const owner = await usersRepository(database.db).findByEmail('owner@tandem.demo');
  await workspacesRepository(database.db).addMember(ws.workspace.id, owner!.id, 'owner');
  const bulk: string[] = [];
  const names = Array.from({ length: REQUIREMENTS }, (_, i) => `Requirement ${i + 1}`);
  for (let i = 0; i < FEATURES; i++) bulk.push((await ws.feature(`Bulk feature #${i}`, names)).id);

  await fetch(`${simUrl}/__sim/latency`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fixedMs: LATENCY_MS }),
  });
  const port = await freePort();
  const app = `http://127.0.0.1:${port}`;
  const bff = start(process.env.BENCH_SERVER ?? 'apps/bff/dist/server.js', {
    PORT: String(port),
    DATA_DIR: dir,
    TANDEM_SECRET_KEY: key,
    ALLOW_PRIVATE_NETWORK: 'true',
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

  const remoteCalls = FEATURES * (1 + REQUIREMENTS);
  let maxRss = 0;
  const sampler = setInterval(() => {
    const status = readFileSync(`/proc/${bff.pid}/status`, 'utf8');
    maxRss = Math.max(maxRss, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
  }, 100);
  const linked = async () =>
    Number(
      (
        await database.db
          .selectFrom('record_syncs')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('integration_id', '=', ws.integrationId)
          .where('state_name', '=', 'linked')
          .executeTakeFirstOrThrow()
      ).n,
    );
  const t0 = performance.now();
  const res = await fetch(
    `${app}/api/workspaces/${ws.workspace.id}/integrations/${ws.integrationId}/sends`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie,
        'x-csrf-token': csrfToken,
        origin: app,
      },
      body: JSON.stringify({ featureIds: bulk }),
    },
  );
  if (res.status !== 202) throw new Error(`bulk send answered ${res.status}: ${await res.text()}`);
  await waitUntil(async () => (await linked()) >= remoteCalls, 900_000, 'the bulk send');
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const peaks = (
    (await (await fetch(`${simUrl}/__sim/concurrency`)).json()) as {
      peaks?: Record<string, number>;
    }
  ).peaks;
  const bound = (Math.ceil(remoteCalls / CONCURRENCY) * LATENCY_MS) / 1000;
  console.log(
    JSON.stringify({
      name: 'bulk-send-azure-devops',
      features: FEATURES,
      requirementsPerFeature: REQUIREMENTS,
      remoteCalls,
      latencyMs: LATENCY_MS,
      concurrencyBound: CONCURRENCY,
      peakConcurrentRequests: peaks,
      seconds: Number(seconds.toFixed(2)),
      baseBoundSeconds: bound,
      ratio: Number((seconds / bound).toFixed(3)),
      limitRatio: 1.2,
      pass: seconds <= bound * 1.2,
      bffMaxRssMB: Math.round(maxRss / 1024),
      loadAverage: loadavg()[0],
    }),
  );
  await database.close();
} finally {
  for (const child of children) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
