/**
 * Benchmark: WSAPI creates against the simulator on loopback, without injected latency, the way
 * a bulk send writes them: N features, each followed by its stories (`PortfolioItem` = the
 * feature), API-key auth, `workspace` and `fetch=true` on every create, C keep-alive clients.
 * Run: `node packages/simulators/rally/bench/creates.ts [--features 1000] [--stories 3] [--concurrency 12]`.
 * The simulator runs in a child process so its CPU time is its own. A warm-up of 500 creates
 * (then a reset to the seeded store) keeps JIT and lazy loading out of the figures. One JSON
 * line per phase: the first 500 creates, the middle, the last 500 (CPU per create must not grow
 * with the store).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import { DEFAULT_ADMIN_API_KEY, SEED_IDS, startRallySimulator } from '../src/index.ts';

type ToChild = 'cpu' | 'reset' | 'stop';
type FromChild = { url: string } | { cpuMs: number };

if (process.argv.includes('--child')) await child();
else await main();

async function child(): Promise<void> {
  const server = await startRallySimulator({ port: 0 });
  process.send?.({ url: server.url } satisfies FromChild);
  process.on('message', async (m: ToChild) => {
    if (m === 'reset') server.simulator.control.reset();
    if (m === 'cpu' || m === 'reset') {
      const u = process.cpuUsage();
      process.send?.({ cpuMs: (u.user + u.system) / 1000 } satisfies FromChild);
      return;
    }
    await server.close();
    process.exit(0);
  });
}

function ask<T extends FromChild>(sim: ChildProcess, m?: ToChild): Promise<T> {
  return new Promise((resolve) => {
    sim.once('message', (x) => resolve(x as T));
    if (m) sim.send(m);
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      features: { type: 'string', default: '1000' },
      stories: { type: 'string', default: '3' },
      concurrency: { type: 'string', default: '12' },
    },
  });
  const features = Number(values.features);
  const stories = Number(values.stories);
  const concurrency = Number(values.concurrency);
  const perFeature = 1 + stories;
  // Phase edges in features, so each phase ends with every started feature complete.
  const edge = Math.ceil(500 / perFeature);

  const sim = fork(new URL(import.meta.url), ['--child'], { stdio: 'inherit' });
  const { url } = await ask<{ url: string }>(sim);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const query = `?workspace=/workspace/${SEED_IDS.workspace}&fetch=true`;
  let failed = 0;

  const create = (path: string, body: unknown) =>
    new Promise<number>((resolve, reject) => {
      const data = JSON.stringify(body);
      const req = request(
        `${url}/slm/webservice/v2.0/${path}/create${query}`,
        {
          method: 'POST',
          agent,
          headers: {
            zsessionid: DEFAULT_ADMIN_API_KEY,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(data),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            const result = json.CreateResult;
            if (res.statusCode !== 200 || result.Errors.length > 0) {
              failed++;
              resolve(0);
            } else resolve(result.Object.ObjectID as number);
          });
        },
      );
      req.on('error', reject);
      req.end(data);
    });

  const project = `/project/${SEED_IDS.projectAlpha}`;
  async function sendFeature(i: number): Promise<void> {
    const oid = await create('portfolioitem/feature', {
      'PortfolioItem/Feature': {
        Name: `Bench feature ${i}`,
        Project: project,
        c_RoadmapId: `B-${i}`,
      },
    });
    for (let j = 0; j < stories; j++) {
      await create('hierarchicalrequirement', {
        HierarchicalRequirement: {
          Name: `Bench story ${i}.${j}`,
          Project: project,
          PortfolioItem: `/portfolioitem/feature/${oid}`,
          PlanEstimate: j + 1,
        },
      });
    }
  }

  async function phase(name: string, from: number, to: number): Promise<void> {
    let next = from;
    const cpu0 = (await ask<{ cpuMs: number }>(sim, 'cpu')).cpuMs;
    const t0 = performance.now();
    const worker = async () => {
      while (next < to) await sendFeature(next++);
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - t0) / 1000;
    const cpuMs = (await ask<{ cpuMs: number }>(sim, 'cpu')).cpuMs - cpu0;
    const creates = (to - from) * perFeature;
    console.info(
      JSON.stringify({
        name: 'rally-sim-creates',
        phase: name,
        creates,
        storeCreatesBefore: from * perFeature,
        createsPerSec: Math.round(creates / seconds),
        cpuMsPerCreate: Number((cpuMs / creates).toFixed(3)),
      }),
    );
  }

  await phase('warm-up', 0, edge);
  await ask(sim, 'reset');
  await phase('first', 0, edge);
  await phase('middle', edge, features - edge);
  await phase('last', features - edge, features);

  agent.destroy();
  sim.send('stop');
  await new Promise((resolve) => sim.once('exit', resolve));
  if (failed > 0) console.error(`${failed} creates failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}
