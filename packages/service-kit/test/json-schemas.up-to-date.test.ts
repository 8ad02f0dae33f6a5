import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemasDir } from '../scripts/schemas-dir.ts';
import { protocolJsonSchemaFiles } from '../src/protocol/json-schemas.ts';

describe('docs/services/schemas', () => {
  const generated = protocolJsonSchemaFiles();

  it('holds exactly the generated files (run `pnpm --filter @tandem/service-kit schemas`)', () => {
    const committed = readdirSync(schemasDir).filter((f) => f.endsWith('.schema.json'));
    expect(committed.sort()).toEqual(Object.keys(generated).sort());
  });

  for (const [file, text] of Object.entries(generated)) {
    it(`${file} is up to date with the zod schemas`, () => {
      // Compared as JSON: the formatter may lay the committed file out its own way.
      expect(JSON.parse(readFileSync(new URL(file, schemasDir), 'utf8'))).toEqual(JSON.parse(text));
    });
  }
});
