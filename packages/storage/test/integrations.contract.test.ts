import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createSecretBox,
  integrationLogRepository,
  integrationsRepository,
  workspacesRepository,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';

describeEachDialect('integrations and their log', (handle) => {
  async function workspace() {
    return workspacesRepository(handle().db).create({
      key: `W${randomBytes(3).toString('hex').toUpperCase()}`,
      name: 'W',
    });
  }

  it('creates a draft integration and reads its config back', async () => {
    const ws = await workspace();
    const repo = integrationsRepository(handle().db);
    const created = await repo.create({
      workspaceId: ws.id,
      system: 'rally',
      name: 'Rally',
      templateId: null,
      config: { accountUrl: 'https://rally1.example.com' },
    });
    expect(created).toMatchObject({
      state: 'draft',
      wizardStep: 'name',
      version: 1,
      config: { accountUrl: 'https://rally1.example.com' },
    });
    expect(await repo.listForWorkspace(ws.id)).toHaveLength(1);
  });

  it('updates only with the current version, bumping it', async () => {
    const ws = await workspace();
    const repo = integrationsRepository(handle().db);
    const created = await repo.create({
      workspaceId: ws.id,
      system: 'rally',
      name: 'Rally',
      templateId: null,
      config: {},
    });
    const updated = await repo.update(created.id, { wizardStep: 'account', config: { a: 1 } }, 1);
    expect(updated).toMatchObject({ wizardStep: 'account', version: 2, config: { a: 1 } });
    expect(await repo.update(created.id, { name: 'Stale' }, 1)).toBeUndefined();
    expect((await repo.find(created.id))?.name).toBe('Rally');
  });

  it('refuses an unknown state at the database level', async () => {
    const ws = await workspace();
    const repo = integrationsRepository(handle().db);
    const created = await repo.create({
      workspaceId: ws.id,
      system: 'rally',
      name: 'R',
      templateId: null,
      config: {},
    });
    await expect(repo.update(created.id, { state: 'exploded' as 'enabled' })).rejects.toThrow();
  });

  it('appends log entries and filters them newest first', async () => {
    const ws = await workspace();
    const log = integrationLogRepository(handle().db);
    const base = { integrationId: `i-${ws.id}`, workspaceId: ws.id };
    await log.append({
      ...base,
      level: 'info',
      event: 'send',
      message: 'Sending APP-1',
      recordType: 'feature',
      recordId: 'f1',
    });
    await log.append({
      ...base,
      level: 'error',
      event: 'error',
      message: 'Rally said no',
      recordType: 'feature',
      recordId: 'f1',
      data: { status: 400 },
    });
    await log.append({
      ...base,
      level: 'info',
      event: 'send',
      message: 'Sending APP-2',
      recordType: 'feature',
      recordId: 'f2',
    });
    const all = await log.list({ integrationId: base.integrationId });
    expect(all.map((e) => e.message)).toEqual(['Sending APP-2', 'Rally said no', 'Sending APP-1']);
    expect(
      (await log.list({ integrationId: base.integrationId, levels: ['error'] }))[0]?.data,
    ).toEqual({ status: 400 });
    expect(
      await log.list({ integrationId: base.integrationId, recordId: 'f1', q: 'APP' }),
    ).toHaveLength(1);
    const page = await log.list({
      integrationId: base.integrationId,
      before: all[0]!.id,
      limit: 1,
    });
    expect(page.map((e) => e.message)).toEqual(['Rally said no']);
    expect((await log.countErrorsByIntegration()).get(base.integrationId)).toBe(1);
  });
});

describe('secret box', () => {
  const box = createSecretBox(randomBytes(32));

  it('round-trips a value for the same context', () => {
    const sealed = box.seal({ accessToken: 'abc', refreshToken: 'def' }, 'integration-1');
    expect(sealed).not.toContain('abc');
    expect(box.open(sealed, 'integration-1')).toEqual({ accessToken: 'abc', refreshToken: 'def' });
  });

  it('refuses a value moved to another row, or tampered with', () => {
    const sealed = box.seal({ token: 'x' }, 'integration-1');
    expect(() => box.open(sealed, 'integration-2')).toThrow();
    const parts = sealed.split(':');
    parts[3] = Buffer.from('tampered').toString('base64');
    expect(() => box.open(parts.join(':'), 'integration-1')).toThrow();
  });

  it('refuses another key', () => {
    const sealed = box.seal({ token: 'x' }, 'c');
    expect(() => createSecretBox(randomBytes(32)).open(sealed, 'c')).toThrow();
  });
});
