import { afterAll, beforeAll, describe, it } from 'vitest';
import { type OpenEnv, openConformanceEnv } from './env.ts';
import { planConformance } from './plan.ts';
import type { ConformanceOptions, SimulatorHandle } from './types.ts';

/**
 * Registers the conformance suites as Vitest `describe` blocks. Call it at the top level of a
 * connector's `test/conformance.test.ts`. Suites run in order, one case at a time, against one
 * simulator started for the file.
 */
export function runConformance<Config, Sim extends SimulatorHandle>(
  options: ConformanceOptions<Config, Sim>,
): void {
  const plan = planConformance(options.config, options.suites);
  const timeout = options.config.testTimeoutMs ?? 15_000;

  describe(`${options.name} conformance`, () => {
    let opened: OpenEnv<Config> | undefined;
    const needsEnv = plan.suites.some((suite) => suite.status === 'run');

    if (needsEnv) {
      beforeAll(async () => {
        opened = await openConformanceEnv(options);
      }, 60_000);
      afterAll(async () => {
        await opened?.close();
      }, 60_000);
    }

    for (const problem of plan.problems) {
      it(`config: ${problem}`, () => {
        throw new Error(problem);
      });
    }

    for (const suite of plan.suites) {
      if (suite.status === 'filtered') continue;
      if (suite.status === 'skipped') {
        // A declared, reasoned decision, not an accidental skip: it shows as one passing line so
        // CI's "no skipped tests" rule (decision 004) still catches real skips.
        describe(suite.name, () => {
          it(`not applicable: ${suite.reason}`, () => {});
        });
        continue;
      }
      describe(suite.name, () => {
        for (const testCase of suite.cases) {
          it(
            testCase.name,
            async () => {
              if (!opened) throw new Error('the simulator or connector failed to start');
              await testCase.run(opened.env);
            },
            timeout,
          );
        }
      });
    }
  });
}
