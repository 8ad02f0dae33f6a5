// `./tandem bench`: runs every `packages/**/bench/*.ts`, `apps/*/bench/*.ts` and `e2e/bench/*.ts` script. Each prints
// one JSON line per result ({ name, ..., bound?, ratio? }); this collects them into one table.
// Record the figures with the date and machine in docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv[2];
const scripts = globSync(['packages/**/bench/*.ts', 'apps/*/bench/*.ts', 'e2e/bench/*.ts'], {
  cwd: root,
})
  .filter((p) => !p.includes('node_modules') && !p.includes('/support/'))
  .filter((p) => !filter || p.includes(filter))
  .sort();

console.info(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
let failed = 0;
for (const script of scripts) {
  console.info(`\n› ${script}`);
  const run = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', script], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  for (const line of run.stdout.split('\n').filter(Boolean)) {
    try {
      const result = JSON.parse(line) as Record<string, unknown>;
      console.info(`  ${JSON.stringify(result)}`);
      if (result.pass === false) failed += 1;
    } catch {
      console.info(`  ${line}`);
    }
  }
  if (run.status !== 0) failed += 1;
}
console.info(`\n${scripts.length} benchmark scripts, ${failed} missed their bound or failed`);
process.exit(failed > 0 ? 1 : 0);
