import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Owner read/write only: key files and database files. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Writes a file only its owner can read, atomically (a temp file renamed over the old one), so a
 * reader never sees half a key file and a crash leaves the old one whole.
 */
export function writePrivateFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, text, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    chmodSync(temp, PRIVATE_FILE_MODE);
    renameSync(temp, path);
  } finally {
    if (existsSync(temp)) rmSync(temp, { force: true });
  }
}

/** Makes the file owner-only when it exists (files created before this rule, or by SQLite). */
export function restrictToOwner(path: string): void {
  if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
}
