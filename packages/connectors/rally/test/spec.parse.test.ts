import { describe, expect, it } from 'vitest';
import { allowedHosts } from '../manifest.ts';
import { rallyAccountKey } from '../src/account.ts';
import { normalizeAccountUrl, rallyConfigSchema } from '../src/spec.ts';

describe('account URL', () => {
  it.each([
    ['https://rally1.rallydev.com', 'https://rally1.rallydev.com'],
    ['https://Rally1.RallyDev.com/', 'https://rally1.rallydev.com'],
    ['rally1.rallydev.com', 'https://rally1.rallydev.com'],
    ['https://rally1.rallydev.com/slm/webservice/v2.0/', 'https://rally1.rallydev.com'],
    ['https://rally1.rallydev.com/slm/#/detail/userstory/1', 'https://rally1.rallydev.com'],
    ['https://eu1.rallydev.com/login/accounts/index.html', 'https://eu1.rallydev.com'],
    ['https://alm.acme.example/rally//', 'https://alm.acme.example/rally'],
    ['http://127.0.0.1:4010/slm', 'http://127.0.0.1:4010'],
    ['http://localhost:4010', 'http://localhost:4010'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeAccountUrl(input)).toBe(expected);
  });

  it.each([
    'http://rally1.rallydev.com',
    'ftp://rally1.rallydev.com',
    'https://user:pw@rally1.rallydev.com',
    'not a url at all',
  ])('refuses %s', (input) => {
    expect(() => normalizeAccountUrl(input)).toThrow();
  });
});

describe('config', () => {
  it('normalises refs and fills defaults', () => {
    const config = rallyConfigSchema.parse({
      accountUrl: 'https://rally1.rallydev.com/slm/webservice/v2.0',
      workspaceId: 'https://rally1.rallydev.com/slm/webservice/v2.0/workspace/2000000001',
      projectId: '/project/3000000002',
    });
    expect(config).toMatchObject({
      accountUrl: 'https://rally1.rallydev.com',
      workspaceId: '2000000001',
      projectId: '3000000002',
      excludeChildUpdates: false,
      idempotencyField: 'Notes',
      timeZone: 'UTC',
      authKind: 'oauth2',
    });
    expect(allowedHosts(config)).toEqual(['rally1.rallydev.com']);
  });

  it('says what is wrong', () => {
    const result = rallyConfigSchema.safeParse({
      accountUrl: 'http://rally.example.com',
      workspaceId: 'abc',
      projectId: 3000000002,
      timeZone: 'Mars/Olympus',
      idempotencyField: 'Name',
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['accountUrl', 'workspaceId', 'timeZone', 'idempotencyField']),
    );
    expect(paths).not.toContain('projectId');
  });
});

describe('account key', () => {
  it('is per Rally user and account, whatever URL spelling was typed', () => {
    expect(rallyAccountKey('https://Rally1.rallydev.com/slm/', 'u-1')).toBe(
      rallyAccountKey('https://rally1.rallydev.com', 'u-1'),
    );
    expect(rallyAccountKey('https://rally1.rallydev.com', 'u-1')).not.toBe(
      rallyAccountKey('https://rally1.rallydev.com', 'u-2'),
    );
  });
});
