import { azureDevOps } from './azure-devops.system.ts';
import { rally } from './rally.system.ts';
import type { SystemUnderTest } from './system-under-test.ts';

/** Every system the runner suite knows; `RUNNER_SYSTEMS=rally,…` picks some (default: all). */
const KNOWN: Record<string, SystemUnderTest> = { rally, azure_devops: azureDevOps };

export function systemsUnderTest(): SystemUnderTest[] {
  const wanted = process.env.RUNNER_SYSTEMS?.split(',').filter(Boolean) ?? Object.keys(KNOWN);
  return wanted.map((name) => {
    const system = KNOWN[name];
    if (!system) throw new Error(`The runner suite knows no system ${name}`);
    return system;
  });
}
