// `./tandem start`: the app plus the Rally and Azure DevOps simulators, on the embedded database
// (or DATABASE_URL), with demo data. The simulators keep their state under ./data.
import { available, runServices, type Service } from './processes.ts';

const dataDir = process.env.DATA_DIR ?? './data';

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
  env: {
    TANDEM_DEMO: 'true',
    DATA_DIR: dataDir,
    ALLOW_PRIVATE_NETWORK: 'true',
    // The demo workspace gets an integration on the simulator started here.
    DEMO_RALLY_URL: 'http://127.0.0.1:4010',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  },
};

const present = simulators.filter(available);
for (const s of simulators.filter((s) => !available(s)))
  console.warn(`(${s.name} is not built yet; skipped)`);
runServices([...present, app]);
