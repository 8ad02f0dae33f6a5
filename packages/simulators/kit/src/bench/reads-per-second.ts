import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';

export type ReadLoad = { maxRequests: number; maxMs: number; concurrency: number };

/** `--requests N --seconds S --concurrency C` from the command line (20,000, 10 s, 32). */
export function readLoadFromArgs(): ReadLoad {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '20000' },
      seconds: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '32' },
    },
  });
  return {
    maxRequests: Number(values.requests),
    maxMs: Number(values.seconds) * 1000,
    concurrency: Number(values.concurrency),
  };
}

/**
 * GETs `paths` in turn over `concurrency` keep-alive connections until `maxRequests` were issued
 * or `maxMs` passed, after one warm-up round (JIT, connection pool) that is not counted.
 */
export async function measureReads(
  load: ReadLoad & {
    baseUrl: string;
    paths: readonly string[];
    headers: Record<string, string>;
  },
): Promise<{ done: number; failed: number; seconds: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: load.concurrency });
  const get = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(`${load.baseUrl}${path}`, { agent, headers: load.headers }, (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
  const clients = (run: () => Promise<unknown>) =>
    Promise.all(Array.from({ length: load.concurrency }, run));

  let issued = 0;
  let done = 0;
  let failed = 0;
  await clients(() => get(load.paths[0] as string));
  const started = performance.now();
  const deadline = started + load.maxMs;
  await clients(async () => {
    while (issued < load.maxRequests && performance.now() < deadline) {
      const status = await get(load.paths[issued++ % load.paths.length] as string);
      if (status === 200) done++;
      else failed++;
    }
  });
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { done, failed, seconds };
}
