/**
 * Benchmark: simple WSAPI reads against the simulator on loopback, without injected latency.
 * Run: `node packages/simulators/rally/bench/simple-reads.ts [--requests N] [--seconds S] [--concurrency C]`.
 * The simulator runs in a worker thread; the load comes from keep-alive `node:http` connections.
 * Prints one JSON line: {"name":"rally-sim-simple-reads","reqPerSec":…,"requests":…,"bound":2000}.
 * The target is ≥ 2,000 reads/s so the simulator is never the bottleneck of other benchmarks.
 */
import { measureReads, readLoadFromArgs, simulatorInWorker } from '@tandem/sim-kit/bench';
import { DEFAULT_ADMIN_API_KEY, SEED_IDS, startRallySimulator } from '../src/index.ts';

const sim = await simulatorInWorker(new URL(import.meta.url), async () => {
  // Concurrency here spans many requests at once; lift the per-user limit so the benchmark
  // measures the server, not Rally's 12-requests-per-user queue.
  const server = await startRallySimulator({ port: 0, concurrency: { limit: 10_000 } });
  return { url: server.url, close: () => server.close() };
});

if (sim) {
  const { done, failed, seconds } = await measureReads({
    ...readLoadFromArgs(),
    baseUrl: sim.url,
    paths: [
      `/slm/webservice/v2.0/hierarchicalrequirement/${SEED_IDS.storyParent}`,
      `/slm/webservice/v2.0/project/${SEED_IDS.projectAlpha}?fetch=Name,Parent`,
      `/slm/webservice/v2.0/portfolioitem/feature/${SEED_IDS.feature}?fetch=FormattedID,Name,State`,
    ],
    headers: { zsessionid: DEFAULT_ADMIN_API_KEY },
  });
  await sim.stop();
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
