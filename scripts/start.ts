// `./tandem start`: the app plus the Rally and Azure DevOps simulators, on the embedded database
// (or DATABASE_URL), with demo data. The simulators keep their state under ./data.
import { readFileSync } from 'node:fs';
import { available, runServices, type Service } from './processes.ts';

const dataDir = process.env.DATA_DIR ?? './data';

// During a bulk send V8 grew its young generation to 16 MB semi-spaces and committed old space to
// match: over 300 MB resident for ~30 MB live. 8 MB keeps it near 210 MB at no measurable cost
// (docs/benchmarks.md). Shared with the benchmarks, which must run the server as users do.
const serverNodeFlags = JSON.parse(
  readFileSync(new URL('../apps/bff/server-node-flags.json', import.meta.url), 'utf8'),
) as string[];

const simulators: Service[] = [
  {
    name: 'rally simulator',
    entry: 'packages/simulators/rally/src/cli.ts',
    env: { SIM_RALLY_STATE_FILE: process.env.SIM_RALLY_STATE_FILE ?? `${dataDir}/sim-rally.json` },
  },
  {
    name: 'azure devops simulator',
    entry: 'packages/simulators/azure-devops/src/cli.ts',
    env: { SIM_ADO_STATE_FILE: process.env.SIM_ADO_STATE_FILE ?? `${dataDir}/sim-ado.json` },
  },
];

const app: Service = {
  name: 'tandem',
  // The bundled server: smaller and quicker to start than running the sources (see decision 012).
  entry: 'apps/bff/dist/server.js',
  nodeFlags: serverNodeFlags,
  env: {
    TANDEM_DEMO: 'true',
    DATA_DIR: dataDir,
    ALLOW_PRIVATE_NETWORK: 'true',
    // The demo workspaces get integrations on the simulators started here (Mobile App: Rally,
    // Platform: Azure DevOps).
    DEMO_RALLY_URL: 'http://127.0.0.1:4010',
    DEMO_ADO_URL: 'http://127.0.0.1:4020/tandem-demo',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  },
};

const present = simulators.filter(available);
for (const s of simulators.filter((s) => !available(s)))
  console.warn(`(${s.name} is not built yet; skipped)`);
runServices([...present, app]);
