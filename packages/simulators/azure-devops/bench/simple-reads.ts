/**
 * Benchmark: simple REST reads against the simulator on loopback, without injected latency.
 * Run: `node packages/simulators/azure-devops/bench/simple-reads.ts [--requests N] [--seconds S] [--concurrency C]`.
 * The simulator runs in a worker thread; the load comes from keep-alive `node:http` connections
 * sending what the Node client sends (PAT over Basic, the Accept header with the api-version).
 * Prints one JSON line: {"name":"ado-sim-simple-reads","reqPerSec":…,"requests":…,"bound":2000}.
 * The target is ≥ 2,000 reads/s so the simulator is never the bottleneck of other benchmarks.
 */
import { measureReads, readLoadFromArgs, simulatorInWorker } from '@tandem/sim-kit/bench';
import { DEFAULT_FULL_PAT, SEED_IDS, startAzureDevOpsSimulator } from '../src/index.ts';

const sim = await simulatorInWorker(new URL(import.meta.url), async () => {
  // The throughput limit stays on (as users run it); its budget is per five minutes, so a
  // benchmark's burst must not be what is measured.
  const server = await startAzureDevOpsSimulator({ port: 0, rateLimit: { budget: 1_000_000 } });
  return { url: server.orgUrl, close: () => server.close() };
});

if (sim) {
  const project = SEED_IDS.projects.roadmap;
  const { done, failed, seconds } = await measureReads({
    ...readLoadFromArgs(),
    baseUrl: sim.url,
    paths: [
      `/_apis/wit/workItems/${SEED_IDS.workItems.feature}`,
      `/${project}/_apis/wit/workItems/${SEED_IDS.workItems.story}?fields=System.Title,System.State`,
      `/_apis/projects/${project}`,
    ],
    headers: {
      authorization: `Basic ${Buffer.from(`PAT:${DEFAULT_FULL_PAT}`).toString('base64')}`,
      'x-tfs-fedauthredirect': 'Suppress',
      accept: 'application/json;api-version=7.1-preview.3',
    },
  });
  await sim.stop();
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
