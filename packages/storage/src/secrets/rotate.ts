import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { writePrivateFile } from './private-file.ts';
import { listSealedValues, type ResealResult, resealAll } from './sealed-values.ts';
import {
  createSecretBox,
  formatKeyFile,
  type LoadedSecretKeys,
  secretKeyId,
} from './secret-box.ts';

export type RotationResult = ResealResult & {
  keyId: string;
  previousKeyId: string;
  /** Set when the keys come from the environment: the operator stores the new key there. */
  newKeyForEnv?: string;
};

/**
 * Moves every sealed value to a new key (`./tandem rotate-key`):
 * 1. a key file gets the new key as current and the old ones as previous, so any process
 *    (they re-read the file) opens values sealed before, during and after the rotation;
 * 2. every sealed value is re-sealed with the new key in one transaction;
 * 3. values a running process sealed with the old key meanwhile are re-sealed too;
 * 4. the key file keeps the new key only: the old one no longer opens anything.
 * With keys from TANDEM_SECRET_KEY nothing is written but the database; the caller prints the
 * new key for the operator to set.
 */
export async function rotateSecretKeys(
  db: Kysely<Database>,
  keys: LoadedSecretKeys,
  newKey: Buffer = randomBytes(32),
): Promise<RotationResult> {
  if (newKey.length !== 32) throw new Error('The new secret key must be 32 bytes');
  const old = [keys.current, ...keys.previous];
  if (old.some((k) => k.equals(newKey))) throw new Error('The new key is the current one');
  const source = keys.source;
  const writesFile = source.kind !== 'env';
  if (writesFile) writePrivateFile(source.path, formatKeyFile({ current: newKey, previous: old }));
  const from = createSecretBox({ current: keys.current, previous: keys.previous });
  const to = createSecretBox({ current: newKey });
  const result = await resealAll(db, from, to);
  // A running process may have sealed a value with the old key before it saw the new file.
  const keyId = secretKeyId(newKey);
  const stragglers = (await listSealedValues(db)).filter((v) => to.keyIdOf(v.sealed) !== keyId);
  if (stragglers.length > 0) {
    const again = await resealAll(db, createSecretBox({ current: newKey, previous: old }), to);
    result.byKind = again.byKind;
  }
  if (writesFile) writePrivateFile(source.path, formatKeyFile({ current: newKey }));
  return {
    ...result,
    keyId,
    previousKeyId: secretKeyId(keys.current),
    ...(writesFile ? {} : { newKeyForEnv: newKey.toString('base64') }),
  };
}
