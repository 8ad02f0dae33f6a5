// `./tandem sim <rally|ado>`: one simulator alone, in the foreground.
import { available, runServices, type Service } from './processes.ts';

const entries: Record<string, Service> = {
  rally: { name: 'rally simulator', entry: 'packages/simulators/rally/src/cli.ts' },
  ado: { name: 'azure devops simulator', entry: 'packages/simulators/azure-devops/src/cli.ts' },
};

const name = process.argv[2] ?? '';
const service = entries[name];
if (!service) {
  console.error(`usage: ./tandem sim <${Object.keys(entries).join('|')}>`);
  process.exit(2);
}
if (!available(service)) {
  console.error(`The ${service.name} is not part of this checkout yet.`);
  process.exit(1);
}
runServices([service]);
