import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The boundaries of DESIGN.md are lint errors (biome.json `overrides`). Each zone gets a file that
 * crosses it — the lint must fail with the zone's message — and one that stays inside — it must
 * pass, so a zone that forbids everything would fail here too.
 */
const root = new URL('../..', import.meta.url).pathname;
const biome = join(root, 'node_modules/.bin/biome');

type Zone = {
  name: string;
  /** Where the probe file goes (inside the zone). */
  at: string;
  crossing: string;
  inside: string;
  message: RegExp;
};

const ZONES: Zone[] = [
  {
    name: 'web feature ↛ another web feature',
    at: 'apps/web/src/features/releases/components/__zone-probe.ts',
    crossing: "export { x } from '@/features/roadmap-board/api/prime-board';",
    inside: "export { x } from '@/features/releases/api/list-releases';",
    message: /never imports another feature/,
  },
  {
    name: 'web ↛ storage',
    at: 'apps/web/src/components/__zone-probe.ts',
    crossing: "export { x } from '@tandem/storage';",
    inside: "export { x } from '@tandem/contracts';",
    message: /never touches storage/,
  },
  {
    name: 'sync-engine core ↛ node:*',
    at: 'packages/sync-engine/src/core/__zone-probe.ts',
    crossing: "export { randomUUID } from 'node:crypto';",
    inside: "export { x } from './values.ts';",
    message: /no Node\.js built-ins/,
  },
  {
    name: 'sync-engine core ↛ runner',
    at: 'packages/sync-engine/src/core/__zone-probe.ts',
    crossing: "export { x } from '../runner/sync/send.ts';",
    inside: "export { x } from './send-plan.ts';",
    message: /never depends on the runner/,
  },
  {
    name: 'connector ↛ anything of Tandem but connector-kit',
    at: 'packages/connectors/rally/src/__zone-probe.ts',
    crossing: "export { x } from '@tandem/storage';",
    inside: "export { x } from '@tandem/connector-kit';",
    message: /depends on connector-kit only/,
  },
  {
    name: 'BFF ↛ a concrete connector (only the registry imports one)',
    at: 'apps/bff/src/integrations/__zone-probe.ts',
    crossing: "export { rallyConnector } from '@tandem/connector-rally';",
    inside: "export { RemoteError } from '@tandem/connector-kit';",
    message: /Only the registry/,
  },
  {
    name: 'sync runner ↛ a concrete connector or simulator',
    at: 'packages/sync-engine/src/runner/__zone-probe.ts',
    crossing: "export { startRallySimulator } from '@tandem/sim-rally';",
    inside: "export { RemoteError } from '@tandem/connector-kit';",
    message: /Only the registry/,
  },
  {
    name: 'BFF ↛ the Azure DevOps simulator (its package is @tandem/simulator-*)',
    at: 'apps/bff/src/demo/__zone-probe.ts',
    crossing: "export { SEED_IDS } from '@tandem/simulator-azure-devops';",
    inside: "export { RemoteError } from '@tandem/connector-kit';",
    message: /Only the registry/,
  },
  {
    name: 'simulator ↛ connectors',
    at: 'packages/simulators/rally/src/__zone-probe.ts',
    crossing: "export { x } from '@tandem/connector-rally';",
    inside: "export { x } from 'hono';",
    message: /never import a connector/,
  },
];

function lint(path: string, source: string): { status: number; output: string } {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${source}\n`);
  try {
    const r = spawnSync(biome, ['lint', '--max-diagnostics=50', file], {
      cwd: root,
      encoding: 'utf8',
    });
    return { status: r.status ?? 1, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

describe('lint zones', () => {
  for (const zone of ZONES) {
    it(`${zone.name}: crossing fails, staying inside passes`, () => {
      const crossing = lint(zone.at, zone.crossing);
      expect(crossing.status, crossing.output).not.toBe(0);
      expect(crossing.output).toMatch(zone.message);
      const inside = lint(zone.at, zone.inside);
      expect(inside.output).not.toMatch(/noRestrictedImports/);
    });
  }
});

describe('one registry', () => {
  it('the registry imports a concrete connector and passes the lint', () => {
    const registry = join(root, 'apps/bff/src/sync/connectors.ts');
    expect(readFileSync(registry, 'utf8')).toMatch(/from '@tandem\/connector-rally'/);
    const r = spawnSync(biome, ['lint', registry], { cwd: root, encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/noRestrictedImports/);
  });
});

/** A query builder call on a table: what a route must leave to a repository or a view module. */
const TABLE_QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto)\(|\bsql`/;

function tableQueriesIn(source: string): string[] {
  return source.split('\n').filter((line) => TABLE_QUERY.test(line));
}

describe('routes reach tables through repositories only', () => {
  const routes = join(root, 'apps/bff/src/routes');

  it('no route queries a table', () => {
    const offenders = readdirSync(routes, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        tableQueriesIn(readFileSync(join(routes, f), 'utf8')).map((l) => `${f}: ${l.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it('would catch one', () => {
    expect(
      tableQueriesIn("const rows = await db.selectFrom('record_syncs').execute();"),
    ).toHaveLength(1);
    expect(tableQueriesIn('await sql`delete from sessions`.execute(db);')).toHaveLength(1);
    expect(tableQueriesIn('const rows = await integrationsRepository(db).list();')).toEqual([]);
  });
});
