/**
 * Benchmark: simple WSAPI reads against the simulator on loopback, without injected latency.
 * Run: `node packages/simulators/rally/bench/simple-reads.ts [--requests N] [--seconds S] [--concurrency C]`.
 * The simulator runs in a worker thread; the load comes from keep-alive `node:http` connections.
 * Prints one JSON line: {"name":"rally-sim-simple-reads","reqPerSec":…,"requests":…,"bound":2000}.
 * The target is ≥ 2,000 reads/s so the simulator is never the bottleneck of other benchmarks.
 */
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { DEFAULT_ADMIN_API_KEY, SEED_IDS, startRallySimulator } from '../src/index.ts';

// The simulator runs in a worker thread so the load generator does not share its event loop.
if (!isMainThread) {
  // Concurrency here spans many requests at once; lift the per-user limit so the benchmark
  // measures the server, not Rally's 12-requests-per-user queue.
  const server = await startRallySimulator({ port: 0, concurrency: { limit: 10_000 } });
  parentPort?.postMessage(server.url);
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
  const url = await new Promise<string>((resolve) => worker.once('message', resolve));
  const paths = [
    `/slm/webservice/v2.0/hierarchicalrequirement/${SEED_IDS.storyParent}`,
    `/slm/webservice/v2.0/project/${SEED_IDS.projectAlpha}?fetch=Name,Parent`,
    `/slm/webservice/v2.0/portfolioitem/feature/${SEED_IDS.feature}?fetch=FormattedID,Name,State`,
  ];
  const headers = { zsessionid: DEFAULT_ADMIN_API_KEY };

  // Keep-alive connections, one per concurrent client.
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const get = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(`${url}${path}`, { agent, headers }, (res) => {
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
    name: 'rally-sim-simple-reads',
    reqPerSec: Math.round(done / seconds),
    requests: done,
    bound: 2000,
  };
  if (failed > 0) console.error(`${failed} requests failed`);
  console.info(JSON.stringify(result));
  process.exitCode = failed > 0 || result.reqPerSec < result.bound ? 1 : 0;
}
