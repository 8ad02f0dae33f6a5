// Runs every check and suite, then prints one closing line: `N passed, N failed`.
// Usage: node scripts/test.ts [--only lint|typecheck|vitest|e2e] [extra vitest filters…]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, '.reports');
const ci = process.env.CI === 'true';

type Tally = { passed: number; failed: number; skipped: number };
type Step = { name: string; run: () => Tally };

const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;

function sh(cmd: string, cmdArgs: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(cmd, cmdArgs, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

function check(name: string, cmd: string, cmdArgs: string[]): Step {
  return {
    name,
    run: () =>
      sh(cmd, cmdArgs) === 0
        ? { passed: 0, failed: 0, skipped: 0 }
        : { passed: 0, failed: 1, skipped: 0 },
  };
}

function readJson(path: string): Record<string, unknown> | undefined {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

const vitest: Step = {
  name: 'vitest',
  run: () => {
    const out = join(reports, 'vitest.json');
    const code = sh('pnpm', [
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ]);
    const r = readJson(out) as
      | {
          numPassedTests: number;
          numFailedTests: number;
          numPendingTests: number;
          numTodoTests: number;
          numFailedTestSuites: number;
        }
      | undefined;
    if (!r) return { passed: 0, failed: 1, skipped: 0 };
    const failedSuites = r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? 1 : 0;
    const failed =
      r.numFailedTests +
      failedSuites +
      (code !== 0 && r.numFailedTests === 0 && !failedSuites ? 1 : 0);
    return { passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests };
  },
};

const e2e: Step = {
  name: 'e2e',
  run: () => {
    const build = sh('pnpm', ['--filter', '@tandem/web', 'run', 'build']);
    if (build !== 0) return { passed: 0, failed: 1, skipped: 0 };
    const out = join(reports, 'playwright.json');
    sh('pnpm', ['--filter', '@tandem/e2e', 'exec', 'playwright', 'test'], {
      PLAYWRIGHT_JSON_OUTPUT_FILE: out,
    });
    const r = readJson(out) as
      | { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }
      | undefined;
    if (!r) return { passed: 0, failed: 1, skipped: 0 };
    return {
      passed: r.stats.expected + r.stats.flaky,
      failed: r.stats.unexpected,
      skipped: r.stats.skipped,
    };
  },
};

const steps: Step[] = [
  check('lint', 'pnpm', ['exec', 'biome', 'check', '.']),
  check('typecheck', 'pnpm', ['exec', 'tsc', '-b']),
  vitest,
  e2e,
].filter((s) => !only || s.name === only);

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
for (const step of steps) {
  console.info(`\n=== ${step.name} ===`);
  const t = step.run();
  lines.push(
    `${step.name.padEnd(10)} ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`,
  );
  total.passed += t.passed;
  total.failed += t.failed;
  total.skipped += t.skipped;
}
if (ci && total.skipped > 0) {
  lines.push(`CI does not allow skipped tests: ${total.skipped} skipped`);
  total.failed += total.skipped;
}
console.info(`\n=== summary ===\n${lines.join('\n')}`);
console.info(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
