/** Writes the protocol's JSON Schemas to docs/services/schemas/ (run after changing a schema). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { protocolJsonSchemaFiles } from '../src/protocol/json-schemas.ts';
import { schemasDir } from './schemas-dir.ts';

mkdirSync(schemasDir, { recursive: true });
for (const [file, text] of Object.entries(protocolJsonSchemaFiles())) {
  writeFileSync(new URL(file, schemasDir), text);
  process.stdout.write(`wrote docs/services/schemas/${file}\n`);
}
