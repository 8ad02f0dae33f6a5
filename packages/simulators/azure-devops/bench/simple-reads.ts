/**
 * Benchmark: simple REST reads against the simulator on loopback, without injected latency.
 * Run: `node packages/simulators/azure-devops/bench/simple-reads.ts [--requests N] [--seconds S] [--concurrency C]`.
 * The simulator runs in a worker thread; the load comes from keep-alive `node:http` connections
 * sending what the Node client sends (PAT over Basic, the Accept header with the api-version).
 * Prints one JSON line: {"name":"ado-sim-simple-reads","reqPerSec":…,"requests":…,"bound":2000}.
 * The target is ≥ 2,000 reads/s so the simulator is never the bottleneck of other benchmarks.
 */
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { DEFAULT_FULL_PAT, SEED_IDS, startAzureDevOpsSimulator } from '../src/index.ts';

// The simulator runs in a worker thread so the load generator does not share its event loop.
if (!isMainThread) {
  // The throughput limit stays on (as users run it); its budget is per five minutes, so a
  // benchmark's burst must not be what is measured.
  const server = await startAzureDevOpsSimulator({ port: 0, rateLimit: { budget: 1_000_000 } });
  parentPort?.postMessage(server.orgUrl);
  parentPort?.on('message', async () => {
    await server.close();
    process.exit(0);
  });
} else {
  await main();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '20000' },
      seconds: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '32' },
    },
  });
  const maxRequests = Number(values.requests);
  const maxMs = Number(values.seconds) * 1000;
  const concurrency = Number(values.concurrency);

  const worker = new Worker(new URL(import.meta.url));
  const orgUrl = await new Promise<string>((resolve) => worker.once('message', resolve));
  const project = SEED_IDS.projects.roadmap;
  const paths = [
    `/_apis/wit/workItems/${SEED_IDS.workItems.feature}`,
    `/${project}/_apis/wit/workItems/${SEED_IDS.workItems.story}?fields=System.Title,System.State`,
    `/_apis/projects/${project}`,
  ];
  const headers = {
    authorization: `Basic ${Buffer.from(`PAT:${DEFAULT_FULL_PAT}`).toString('base64')}`,
    'x-tfs-fedauthredirect': 'Suppress',
    accept: 'application/json;api-version=7.1-preview.3',
  };

  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const get = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(`${orgUrl}${path}`, { agent, headers }, (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });

  let issued = 0;
  let done = 0;
  let failed = 0;
  let started = performance.now();
  let deadline = started + maxMs;

  async function client(): Promise<void> {
    while (issued < maxRequests && performance.now() < deadline) {
      const path = paths[issued++ % paths.length] as string;
      const status = await get(path);
      if (status === 200) done++;
      else failed++;
    }
  }

  // Warm up (JIT, connection pool), then measure.
  await Promise.all(Array.from({ length: concurrency }, () => get(paths[0] as string)));
  started = performance.now();
  deadline = started + maxMs;
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  worker.postMessage('stop');
  await new Promise((resolve) => worker.once('exit', resolve));

  const result = {
    name: 'ado-sim-simple-reads',
    reqPerSec: Math.round(done / seconds),
    requests: done,
    bound: 2000,
    ratio: Math.round((done / seconds / 2000) * 100) / 100,
  };
  if (failed > 0) console.error(`${failed} requests failed`);
  console.info(JSON.stringify(result));
  process.exitCode = failed > 0 || result.reqPerSec < result.bound ? 1 : 0;
}
