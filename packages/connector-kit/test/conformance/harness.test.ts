import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  type ConformanceOptions,
  openConformanceEnv,
  planConformance,
  type SimulatorHandle,
  type SuiteName,
  suiteNames,
} from '../../src/conformance/index.ts';
import { flaws } from '../support/broken-notes-connectors.ts';
import { notesConformance, notesConformanceConfig } from '../support/notes-conformance.ts';

/** Runs the planned cases of `only` one by one; the map holds each case's error, or null. */
async function runCases<Config, Sim extends SimulatorHandle>(
  options: ConformanceOptions<Config, Sim>,
  only: readonly SuiteName[],
): Promise<Map<string, unknown>> {
  const plan = planConformance(options.config, only);
  const results = new Map<string, unknown>();
  const opened = await openConformanceEnv(options);
  try {
    for (const suite of plan.suites) {
      if (suite.status !== 'run') continue;
      for (const testCase of suite.cases) {
        results.set(
          `${suite.name} › ${testCase.name}`,
          await testCase.run(opened.env).then(
            () => null,
            (error: unknown) => error ?? new Error('rejected'),
          ),
        );
      }
    }
  } finally {
    await opened.close();
  }
  return results;
}

describe('the conformance harness against the reference notes connector', () => {
  it('passes a correct connector in every suite', async () => {
    const results = await runCases(notesConformance(), suiteNames);
    const failed = [...results].filter(([, error]) => error !== null);
    expect(failed.map(([name, error]) => `${name}: ${String(error)}`)).toEqual([]);
    expect(results.size).toBeGreaterThanOrEqual(30);
  }, 30_000);

  it.each(flaws.map((flaw) => [flaw.name, flaw] as const))(
    'fails a connector that %s',
    async (_name, flaw) => {
      const results = await runCases(notesConformance(flaw.connector), [flaw.suite]);
      const caught = [...results].filter(
        ([name, error]) => name.includes(flaw.caughtBy) && error !== null,
      );
      expect(caught.length, `no case named like "${flaw.caughtBy}" failed in ${flaw.suite}`).toBe(
        1,
      );
    },
    30_000,
  );

  it('proves the ambiguous-create case: a blind retry leaves two remote records', async () => {
    const flaw = flaws.find((f) => f.caughtBy === 'answer is lost');
    if (!flaw) throw new Error('flaw missing');
    const options = notesConformance(flaw.connector);
    let server: Awaited<ReturnType<typeof options.startSimulator>> | undefined;
    await runCases(
      {
        ...options,
        startSimulator: async () => {
          server = await options.startSimulator();
          return { ...server, close: async () => {} };
        },
      },
      ['idempotentCreate'],
    );
    const titles = server?.notes().map((note) => note.fields.title) ?? [];
    expect(titles.length).toBeGreaterThan(new Set(titles).size);
    await server?.close();
  }, 30_000);
});

describe('planConformance', () => {
  const all = Object.fromEntries(suiteNames.map((name) => [name, 'run' as const]));
  const fixture = notesConformanceConfig.fixture;

  it('runs every declared suite and reports no problem', () => {
    const plan = planConformance({ suites: all, fixture });
    expect(plan.problems).toEqual([]);
    expect(plan.suites.map((s) => s.status)).toEqual(suiteNames.map(() => 'run'));
  });

  it('skips a suite with a written reason, in strict mode too', () => {
    const plan = planConformance({
      suites: { ...all, attachments: { skip: 'Notes has no attachments API' } },
      fixture,
    });
    expect(plan.problems).toEqual([]);
    expect(plan.suites.find((s) => s.name === 'attachments')).toEqual({
      name: 'attachments',
      status: 'skipped',
      reason: 'Notes has no attachments API',
    });
  });

  it('strict mode: a skip without a reason is a problem', () => {
    const plan = planConformance({ suites: { ...all, webhooks: { skip: '  ' } }, fixture });
    expect(plan.problems).toEqual([
      'strict mode: suite "webhooks" is skipped without a written reason',
    ]);
  });

  it('strict mode: an undeclared suite is a problem, and still runs', () => {
    const { errors: _errors, ...rest } = all;
    const plan = planConformance({ suites: rest, fixture });
    expect(plan.problems).toEqual([
      `strict mode: suite "errors" must be declared as 'run' or { skip: reason }`,
    ]);
    expect(plan.suites.find((s) => s.name === 'errors')?.status).toBe('run');
  });

  it('non-strict mode tolerates both', () => {
    const { errors: _errors, ...rest } = all;
    const plan = planConformance({
      strict: false,
      suites: { ...rest, webhooks: { skip: '' } },
      fixture,
    });
    expect(plan.problems).toEqual([]);
  });

  it('reports an unknown suite name', () => {
    const suites = { ...all, attachmnets: 'run' } as unknown as typeof all;
    expect(planConformance({ suites, fixture }).problems).toEqual([
      'conformance.config declares an unknown suite "attachmnets"',
    ]);
  });

  it('filters to the suites asked for', () => {
    const plan = planConformance({ suites: all, fixture }, ['records']);
    expect(plan.suites.filter((s) => s.status === 'run').map((s) => s.name)).toEqual(['records']);
  });
});

describe('runConformance under Vitest', () => {
  it('fails the test file when strict mode finds a skip without a reason', async () => {
    const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const vitestEntry = join(
      dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
      'vitest.mjs',
    );
    const outcome = await promisify(execFile)(
      process.execPath,
      [vitestEntry, 'run', '--config', 'test/fixtures/vitest.fixture.config.ts', '--no-color'],
      { cwd: packageDir, env: { ...process.env, CI: '1' } },
    ).then(
      ({ stdout }) => ({ code: 0, output: stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        output: `${error.stdout}\n${error.stderr}`,
      }),
    );
    expect(outcome.code).not.toBe(0);
    expect(outcome.output).toContain('suite "webhooks" is skipped without a written reason');
    expect(outcome.output).toContain('suite "attachments" must be declared');
    // the declared suites still ran and passed
    expect(outcome.output).toMatch(/✓ .*checkConnection says who the credentials belong to/);
  }, 60_000);
});
