import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { azureDevOpsConfigSchema, normalizeOrganizationUrl } from '../src/spec.ts';

describe('the organisation, given as a name or a URL', () => {
  it.each([
    ['contoso', 'https://dev.azure.com/contoso'],
    ['  Contoso ', 'https://dev.azure.com/contoso'],
    ['https://dev.azure.com/contoso/', 'https://dev.azure.com/contoso'],
    ['https://dev.azure.com/contoso/Fabrikam/_workitems/edit/1', 'https://dev.azure.com/contoso'],
    ['dev.azure.com/contoso', 'https://dev.azure.com/contoso'],
    ['https://contoso.visualstudio.com/Fabrikam', 'https://dev.azure.com/contoso'],
    ['http://127.0.0.1:4020/tandem-demo/_apis/projects', 'http://127.0.0.1:4020/tandem-demo'],
  ])('%s → %s', (input, url) => {
    expect(normalizeOrganizationUrl(input)).toBe(url);
  });

  it.each([
    ['', 'Enter the organization'],
    ['https://dev.azure.com/', 'Add the organization'],
    ['http://dev.azure.com/contoso', 'https://'],
    ['https://user:pw@dev.azure.com/contoso', 'user name'],
    ['ftp://dev.azure.com/contoso', 'https://'],
  ])('refuses %j with a reason', (input, reason) => {
    expect(() => normalizeOrganizationUrl(input)).toThrow(reason);
  });

  it('is idempotent on everything it accepts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/), (org) => {
        const once = normalizeOrganizationUrl(org);
        expect(normalizeOrganizationUrl(once)).toBe(once);
      }),
    );
  });

  it('takes area paths with either slash and "0" for a project not chosen yet', () => {
    const config = azureDevOpsConfigSchema.parse({
      accountUrl: 'contoso',
      workspaceId: '0',
      projectId: 'Roadmap Demo/Web/',
    });
    expect(config).toMatchObject({ projectId: 'Roadmap Demo\\Web', authKind: 'pat' });
    expect(azureDevOpsConfigSchema.safeParse({ ...config, workspaceId: 'Platform' }).success).toBe(
      false,
    );
  });
});
