import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const coreDir = join(import.meta.dirname, '../../src/core');
const files = (readdirSync(coreDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(coreDir, f));

describe('the core stays pure', () => {
  it.each(files.map((f) => [relative(coreDir, f), f]))(
    '%s reads no clock, no randomness, no I/O',
    (_name, file) => {
      const source = readFileSync(file, 'utf8');
      expect(source).not.toMatch(/Date\.now\(|new Date\(\)|Math\.random\(|crypto\.|process\./);
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const spec of imports)
        expect(spec === 'zod' || spec === '@tandem/contracts' || spec?.startsWith('.')).toBe(true);
    },
  );
});
