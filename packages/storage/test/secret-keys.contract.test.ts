import { createCipheriv, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createSecretBox,
  formatKeyFile,
  integrationsRepository,
  listSealedValues,
  loadSecretKeys,
  oauthStatesRepository,
  openDatabase,
  openSecretBox,
  rotateSecretKeys,
  sealContext,
  sealWebhookRegistration,
  secretKeyId,
  usersRepository,
  workspacesRepository,
} from '../src/index.ts';
import { sealPlainWebhookSecrets } from '../src/migrations/0015-sealed-webhook-secrets.ts';
import { describeEachDialect } from '../src/testing/each-dialect.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'tandem-keys-'));
const mode = (path: string) => statSync(path).mode & 0o777;

/** An envelope as Tandem sealed them before key ids (`v1:iv:tag:body`). */
function legacySeal(key: Buffer, value: unknown, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    body.toString('base64'),
  ].join(':');
}

describe('secret keys', () => {
  it('takes the key from TANDEM_SECRET_KEY_FILE and leaves DATA_DIR without one', () => {
    const dataDir = tempDir();
    const keyFile = join(tempDir(), 'tandem.key');
    const key = randomBytes(32);
    writeFileSync(keyFile, `${key.toString('base64')}\n`, { mode: 0o600 });
    const keys = loadSecretKeys({ keyFile, dataDir });
    expect(keys.current.equals(key)).toBe(true);
    expect(keys.source).toEqual({ kind: 'file', path: keyFile });
    const sealed = openSecretBox({ keyFile, dataDir }).seal({ apiKey: 'k' }, 'row-1');
    expect(createSecretBox(key).open(sealed, 'row-1')).toEqual({ apiKey: 'k' });
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('generates missing key files owner-only (the demo’s DATA_DIR/secret.key too)', () => {
    const dataDir = tempDir();
    const keyFile = join(tempDir(), 'nested', 'tandem.key');
    loadSecretKeys({ keyFile, dataDir });
    expect(mode(keyFile)).toBe(0o600);
    loadSecretKeys({ dataDir });
    expect(mode(join(dataDir, 'secret.key'))).toBe(0o600);
    expect(existsSync(join(dataDir, 'secret.key'))).toBe(true);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => loadSecretKeys({ envKey: 'c2hvcnQ=', dataDir: tempDir() })).toThrow(/32-byte/);
  });

  it('names the key in every envelope, and opens the previous key’s values', () => {
    const old = randomBytes(32);
    const current = randomBytes(32);
    const sealedOld = createSecretBox(old).seal('s', 'c');
    expect(sealedOld.split(':').slice(0, 2)).toEqual(['v2', secretKeyId(old)]);
    const box = createSecretBox({ current, previous: [old] });
    expect(box.open(sealedOld, 'c')).toBe('s');
    expect(box.keyIdOf(box.seal('t', 'c'))).toBe(secretKeyId(current));
    expect(() => createSecretBox(current).open(sealedOld, 'c')).toThrow(/not loaded/);
  });

  it('opens envelopes sealed before key ids with the current key', () => {
    const key = randomBytes(32);
    const legacy = legacySeal(key, { token: 'x' }, 'row-1');
    expect(createSecretBox(key).open(legacy, 'row-1')).toEqual({ token: 'x' });
    expect(() => createSecretBox(key).open(legacy, 'row-2')).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(legacy, 'row-1')).toThrow();
  });

  it('follows a key file another process rotated', () => {
    const keyFile = join(tempDir(), 'tandem.key');
    const box = openSecretBox({ keyFile, dataDir: tempDir() });
    const next = randomBytes(32);
    const fromOther = createSecretBox(next).seal('new', 'c');
    writeFileSync(keyFile, formatKeyFile({ current: next }));
    expect(box.open(fromOther, 'c')).toBe('new');
    expect(box.keyId).toBe(secretKeyId(next));
  });

  it('creates the SQLite database, its WAL and shared-memory files owner-only', async () => {
    const dir = tempDir();
    const path = join(dir, 'tandem.sqlite');
    const database = await openDatabase({ dialect: 'sqlite', path });
    await database.migrate();
    await workspacesRepository(database.db).create({ key: 'M', name: 'Modes' });
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      expect(existsSync(file), file).toBe(true);
      expect(mode(file), file).toBe(0o600);
    }
    await database.close();
  });
});

describeEachDialect('Key rotation', (handle) => {
  // Rotation takes every sealed value of the database: each test starts from none.
  beforeEach(async () => {
    await handle().db.deleteFrom('oauth_states').execute();
    await handle().db.deleteFrom('integrations').execute();
    await handle().db.deleteFrom('integration_templates').execute();
  });

  async function seed(box: ReturnType<typeof createSecretBox>) {
    const ws = await workspacesRepository(handle().db).create({
      key: `R${randomBytes(2).toString('hex')}`,
      name: 'Rotation',
    });
    const repo = integrationsRepository(handle().db);
    const row = await repo.create({
      workspaceId: ws.id,
      system: 'rally',
      name: 'Rally',
      templateId: null,
      config: {},
    });
    await repo.update(row.id, {
      sealedSecrets: box.seal({ apiKey: 'api-key-1' }, sealContext.integration(row.id)),
      webhook: sealWebhookRegistration(
        box,
        row.id,
        {
          id: 'hook-1',
          targetUrl: 'https://tandem.example/api/webhooks/x?tandem_token=tok-1',
          secret: 'tok-1',
        },
        new Date().toISOString(),
      ),
    });
    const template = await handle()
      .db.insertInto('integration_templates')
      .values({
        id: `tpl-${randomBytes(4).toString('hex')}`,
        name: 'Template',
        system: 'rally',
        config: '{}',
        secrets: null,
        created_in_workspace_id: ws.id,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await handle()
      .db.updateTable('integration_templates')
      .set({ secrets: box.seal({ apiKey: 'template-key' }, sealContext.template(template.id)) })
      .where('id', '=', template.id)
      .execute();
    return { integrationId: row.id, templateId: template.id };
  }

  it('re-seals every secret with the new key in one go; the old key opens none of them', async () => {
    const keyFile = join(tempDir(), 'tandem.key');
    const dataDir = tempDir();
    const keys = loadSecretKeys({ keyFile, dataDir });
    const oldBox = createSecretBox(keys.current);
    const { integrationId } = await seed(oldBox);
    // A value from before key ids, still readable and rotated too.
    const legacyId = (await seed(oldBox)).integrationId;
    await integrationsRepository(handle().db).update(legacyId, {
      sealedSecrets: legacySeal(keys.current, { apiKey: 'legacy' }, legacyId),
    });
    const before = await listSealedValues(handle().db);
    expect(new Set(before.map((v) => v.kind))).toEqual(
      new Set(['integration', 'webhook', 'template']),
    );

    const result = await rotateSecretKeys(handle().db, keys);
    expect(result.resealed).toBe(before.length);
    expect(mode(keyFile)).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dataDir)).toEqual([]);

    const after = await listSealedValues(handle().db);
    const newBox = openSecretBox({ keyFile, dataDir });
    expect(newBox.keyId).toBe(result.keyId);
    for (const value of after) {
      expect(newBox.keyIdOf(value.sealed)).toBe(result.keyId);
      expect(() => oldBox.open(value.sealed, value.context)).toThrow();
      const plain = newBox.open(value.sealed, value.context);
      const was = before.find((b) => b.kind === value.kind && b.key === value.key)!;
      expect(plain).toEqual(createSecretBox(keys.current).open(was.sealed, was.context));
    }
    expect(
      newBox.open(
        after.find((v) => v.key === integrationId && v.kind === 'webhook')!.sealed,
        sealContext.webhook(integrationId),
      ),
    ).toBe('tok-1');
  });

  it('changes nothing when one value does not open (the transaction rolls back)', async () => {
    const keys = loadSecretKeys({ keyFile: join(tempDir(), 'k'), dataDir: tempDir() });
    const { integrationId } = await seed(createSecretBox(keys.current));
    const stranger = createSecretBox(randomBytes(32));
    await integrationsRepository(handle().db).update(integrationId, {
      sealedSecrets: stranger.seal({ apiKey: 'x' }, integrationId),
    });
    const before = await listSealedValues(handle().db);
    await expect(rotateSecretKeys(handle().db, keys)).rejects.toThrow(/Cannot open/);
    expect(await listSealedValues(handle().db)).toEqual(before);
  });

  it('rotates OAuth states in flight too', async () => {
    const keys = loadSecretKeys({ keyFile: join(tempDir(), 'k'), dataDir: tempDir() });
    const box = createSecretBox(keys.current);
    const { integrationId } = await seed(box);
    const user = await usersRepository(handle().db).create({
      email: `${randomBytes(3).toString('hex')}@keys.test`,
      name: 'Key Keeper',
      passwordHash: 'x',
    });
    const state = `st-${randomBytes(4).toString('hex')}`;
    await oauthStatesRepository(handle().db).create({
      state,
      userId: user.id,
      subject: { kind: 'integration', id: integrationId },
      sealedVerifier: box.seal({ verifier: 'v' }, sealContext.oauthState(state)),
      redirectUri: 'https://tandem.example/cb',
      createdAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    const result = await rotateSecretKeys(handle().db, keys);
    expect(result.byKind.oauthState).toBeGreaterThan(0);
    const taken = await oauthStatesRepository(handle().db).take(state);
    expect(
      openSecretBox({
        keyFile: String((keys.source as { path: string }).path),
        dataDir: tempDir(),
      }).open(taken!.sealedVerifier, sealContext.oauthState(state)),
    ).toEqual({ verifier: 'v' });
  });

  it('seals webhook secrets an older version stored in plain text (migration 0015)', async () => {
    const box = createSecretBox(randomBytes(32));
    const { integrationId } = await seed(box);
    await handle()
      .db.updateTable('integrations')
      .set({
        webhook: JSON.stringify({
          id: 'hook-9',
          targetUrl: 'https://tandem.example/api/webhooks/x?tandem_token=plain-secret-9',
          secret: 'plain-secret-9',
          registeredAt: '2026-01-01T00:00:00.000Z',
        }),
      })
      .where('id', '=', integrationId)
      .execute();
    await expect(sealPlainWebhookSecrets(handle().db, {})).rejects.toThrow(/plain text/);
    await sealPlainWebhookSecrets(handle().db, { secrets: box });
    const row = await integrationsRepository(handle().db).find(integrationId);
    expect(JSON.stringify(row)).not.toContain('plain-secret-9');
    expect(row?.webhook).toMatchObject({ id: 'hook-9', registeredAt: '2026-01-01T00:00:00.000Z' });
    expect(box.open(String(row?.webhook?.sealedSecret), sealContext.webhook(integrationId))).toBe(
      'plain-secret-9',
    );
  });
});
