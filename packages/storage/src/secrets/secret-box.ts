import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from './private-file.ts';

/** Envelopes without a key id (`v1:iv:tag:body`), sealed before keys could be rotated. */
const LEGACY = 'v1';
/** `v2:<key id>:iv:tag:body`. */
const VERSION = 'v2';

export type SecretBox = {
  /** Encrypts a JSON value; `context` (e.g. the integration id) must match when opening. */
  seal(value: unknown, context: string): string;
  open<T>(sealed: string, context: string): T;
  /** The id of the key new values are sealed with. */
  readonly keyId: string;
  /** The id of the key a value was sealed with; `null` for envelopes older than key ids. */
  keyIdOf(sealed: string): string | null;
};

/** The keys a box holds: new values are sealed with `current`; `previous` only open old ones. */
export type SecretKeys = { current: Buffer; previous?: readonly Buffer[] };

/** A short, stable name for a key (not secret: 4 bytes of a hash of it), kept in each envelope. */
export function secretKeyId(key: Buffer): string {
  return createHash('sha256').update('tandem-secret-key-id:').update(key).digest('hex').slice(0, 8);
}

function checked(key: Buffer): Buffer {
  if (key.length !== 32) throw new Error('The secret key must be 32 bytes');
  return key;
}

export class UnknownSecretKeyError extends Error {
  override name = 'UnknownSecretKeyError';
}

/**
 * AES-256-GCM with a random 96-bit IV per value and the owning row's id as associated data.
 * Each envelope names the key that sealed it, so a box holding the current and the previous keys
 * opens values from before and after a rotation. `reload` (the key file again) lets a running
 * process follow a rotation done by another: asked before each seal (it answers `null` when
 * nothing changed) and, forced, when a value names a key the box does not hold.
 */
export function createSecretBox(
  keys: Buffer | SecretKeys,
  options: { reload?: (force: boolean) => SecretKeys | null } = {},
): SecretBox {
  let ring = new Map<string, Buffer>();
  let current: Buffer;
  let currentId: string;
  const load = (k: SecretKeys) => {
    current = checked(k.current);
    currentId = secretKeyId(current);
    ring = new Map([[currentId, current]]);
    for (const p of k.previous ?? []) ring.set(secretKeyId(checked(p)), p);
  };
  load(Buffer.isBuffer(keys) ? { current: keys } : keys);

  function keyFor(id: string): Buffer {
    let key = ring.get(id);
    if (!key && options.reload) {
      const fresh = options.reload(true);
      if (fresh) load(fresh);
      key = ring.get(id);
    }
    if (!key) throw new UnknownSecretKeyError(`Sealed with key ${id}, which is not loaded`);
    return key;
  }

  function decrypt(key: Buffer, iv: string, tag: string, body: string, context: string): string {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  }

  return {
    get keyId() {
      return currentId;
    },
    seal(value, context) {
      const fresh = options.reload?.(false);
      if (fresh) load(fresh);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return [
        VERSION,
        currentId,
        iv.toString('base64'),
        cipher.getAuthTag().toString('base64'),
        body.toString('base64'),
      ].join(':');
    },
    open<T>(sealed: string, context: string): T {
      const parts = sealed.split(':');
      if (parts[0] === VERSION && parts.length === 5) {
        const [, id, iv, tag, body] = parts as [string, string, string, string, string];
        return JSON.parse(decrypt(keyFor(id), iv, tag, body, context)) as T;
      }
      if (parts[0] === LEGACY && parts.length === 4) {
        const [, iv, tag, body] = parts as [string, string, string, string];
        // No key id: the current key first (it sealed every such value until the first
        // rotation), then the previous ones (a rotation in progress).
        let failure: unknown;
        for (const key of [current, ...[...ring.values()].filter((k) => k !== current)]) {
          try {
            return JSON.parse(decrypt(key, iv, tag, body, context)) as T;
          } catch (error) {
            failure = error;
          }
        }
        throw failure;
      }
      throw new Error('Unreadable secret');
    },
    keyIdOf(sealed) {
      const parts = sealed.split(':');
      return parts[0] === VERSION && parts.length === 5 ? (parts[1] ?? null) : null;
    },
  };
}

/** Where the keys came from: where `./tandem rotate-key` writes the new ones. */
export type SecretKeySource =
  | { kind: 'env'; name: string }
  | { kind: 'file'; path: string }
  | { kind: 'data-dir'; path: string };

export type LoadedSecretKeys = SecretKeys & { previous: Buffer[]; source: SecretKeySource };

export type SecretKeyOptions = {
  /** TANDEM_SECRET_KEY: base64 keys separated by commas, the current one first. */
  envKey?: string | undefined;
  /** TANDEM_SECRET_KEY_FILE: a file outside DATA_DIR, one base64 key a line, current first. */
  keyFile?: string | undefined;
  dataDir: string;
};

function parseKeys(text: string, where: string): { current: Buffer; previous: Buffer[] } {
  const keys = text
    .split(/[\s,]+/)
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => Buffer.from(line, 'base64'));
  if (keys.length === 0 || keys.some((k) => k.length !== 32)) {
    throw new Error(`${where} must hold 32-byte keys, base64-encoded (the current one first)`);
  }
  const [current, ...previous] = keys as [Buffer, ...Buffer[]];
  return { current, previous };
}

/** The text of a key file: the current key first, then the previous ones. */
export function formatKeyFile(keys: SecretKeys): string {
  return `${[keys.current, ...(keys.previous ?? [])].map((k) => k.toString('base64')).join('\n')}\n`;
}

/**
 * The keys, from TANDEM_SECRET_KEY (env), else TANDEM_SECRET_KEY_FILE, else
 * `<dataDir>/secret.key`. A missing key file is generated (owner-only permissions): the demo's
 * first start, or a fresh production key at the path the operator chose.
 */
export function loadSecretKeys(options: SecretKeyOptions): LoadedSecretKeys {
  if (options.envKey) {
    return {
      ...parseKeys(options.envKey, 'TANDEM_SECRET_KEY'),
      source: { kind: 'env', name: 'TANDEM_SECRET_KEY' },
    };
  }
  const source: SecretKeySource = options.keyFile
    ? { kind: 'file', path: options.keyFile }
    : { kind: 'data-dir', path: join(options.dataDir, 'secret.key') };
  if (!existsSync(source.path)) {
    const current = randomBytes(32);
    writePrivateFile(source.path, formatKeyFile({ current }));
    return { current, previous: [], source };
  }
  return { ...parseKeys(readFileSync(source.path, 'utf8'), source.path), source };
}

/** Reads the keys again from where they came from (another process may have rotated them). */
export function reloadSecretKeys(source: SecretKeySource, envKey?: string): SecretKeys {
  if (source.kind === 'env') return parseKeys(envKey ?? '', source.name);
  return parseKeys(readFileSync(source.path, 'utf8'), source.path);
}

/** A box over the configured keys that picks up a rotation done by another process. */
export function openSecretBox(options: SecretKeyOptions): SecretBox & { source: SecretKeySource } {
  const keys = loadSecretKeys(options);
  const { source } = keys;
  if (source.kind === 'env') return Object.assign(createSecretBox(keys), { source });
  const path = source.path;
  const stamp = () => {
    try {
      const s = statSync(path);
      return `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      return '';
    }
  };
  let seen = stamp();
  const box = createSecretBox(keys, {
    reload(force) {
      const now = stamp();
      if (!force && now === seen) return null;
      seen = now;
      return reloadSecretKeys(source);
    },
  });
  return Object.assign(box, { source });
}

/** @deprecated Use `loadSecretKeys` (it also returns the previous keys and their source). */
export function loadSecretKey(options: SecretKeyOptions): Buffer {
  return loadSecretKeys(options).current;
}
