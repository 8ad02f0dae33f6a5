// `./tandem rotate-key [--new-key-file <path>]`: seals every stored secret with a new key (one
// transaction) and writes that key where the current one came from (TANDEM_SECRET_KEY_FILE or
// DATA_DIR/secret.key). With TANDEM_SECRET_KEY in the environment it prints the key to set.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  databaseConfigFromEnv,
  loadSecretKeys,
  openDatabase,
  openSecretBox,
  rotateSecretKeys,
} from '@tandem/storage';
import { parseEnv } from '../env.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'new-key-file': { type: 'string' } } });
  const env = parseEnv();
  const keyOptions = {
    envKey: env.TANDEM_SECRET_KEY,
    keyFile: env.TANDEM_SECRET_KEY_FILE,
    dataDir: env.DATA_DIR,
  };
  const keys = loadSecretKeys(keyOptions);
  const newKey = values['new-key-file']
    ? Buffer.from(readFileSync(values['new-key-file'], 'utf8').trim(), 'base64')
    : undefined;
  const database = await openDatabase(
    databaseConfigFromEnv({ DATABASE_URL: env.DATABASE_URL, dataDir: env.DATA_DIR }),
  );
  try {
    await database.migrate({ secrets: openSecretBox(keyOptions) });
    const result = await rotateSecretKeys(database.db, keys, newKey);
    const where =
      keys.source.kind === 'env' ? 'TANDEM_SECRET_KEY' : `${keys.source.path} (owner-only)`;
    console.info(
      `Re-sealed ${result.resealed} secret${result.resealed === 1 ? '' : 's'} with key ${result.keyId} (was ${result.previousKeyId}); the new key is in ${where}.`,
    );
    if (result.newKeyForEnv) {
      console.info(
        `Set TANDEM_SECRET_KEY to the new key before restarting Tandem:\n${result.newKeyForEnv}`,
      );
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`tandem rotate-key: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
