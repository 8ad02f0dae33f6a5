/**
 * The integration config the wizard collects for Azure DevOps, validated at the BFF boundary.
 * The account is an organisation: its URL (`https://dev.azure.com/{org}`) or just its name.
 * The port's workspace is a project (its id), the port's project an area path in it.
 */
import { z } from 'zod';

const loopbackHost = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
const orgName = /^[a-z0-9][a-z0-9-]{0,49}$/i;

function fail(message: string): never {
  throw new Error(message);
}

/**
 * `contoso`, `https://dev.azure.com/contoso/Fabrikam/_workitems`, `contoso.visualstudio.com`
 * → `https://dev.azure.com/contoso`. Any other host (a simulator, a proxy) keeps its first path
 * segment as the organisation: `http://127.0.0.1:4020/tandem-demo/_apis` → `…:4020/tandem-demo`.
 */
export function normalizeOrganizationUrl(input: string): string {
  const trimmed = input.trim().replace(/\/+$/, '');
  if (trimmed === '') fail('Enter the organization name or its URL');
  if (orgName.test(trimmed)) return `https://dev.azure.com/${trimmed.toLowerCase()}`;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    fail(`“${trimmed}” is neither an organization name nor a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    fail('The URL must start with https://');
  if (url.protocol === 'http:' && !loopbackHost.test(url.hostname)) {
    fail('The organization URL must use https:// (plain http is only allowed for localhost)');
  }
  if (url.username || url.password) fail('Leave the user name and password out of the URL');
  const host = url.host.toLowerCase();
  const legacy = /^([a-z0-9][a-z0-9-]*)\.visualstudio\.com$/.exec(host);
  if (legacy?.[1]) return `https://dev.azure.com/${legacy[1]}`;
  const first = url.pathname.split('/').find((segment) => segment !== '');
  if (!first || first.startsWith('_')) {
    fail(`Add the organization to the URL, for example ${url.protocol}//${host}/contoso`);
  }
  const org = decodeURIComponent(first);
  if (!orgName.test(org)) fail(`“${org}” is not an organization name`);
  return `${url.protocol}//${host}/${host === 'dev.azure.com' ? org.toLowerCase() : org}`;
}

export const organizationUrlSchema = z.string().transform((value, ctx) => {
  try {
    return normalizeOrganizationUrl(value);
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: error instanceof Error ? error.message : 'Not an organization URL',
    });
    return z.NEVER;
  }
});

/**
 * A project id: the GUID Azure DevOps gives it (names can be renamed; ids cannot). `0` stands
 * for "none chosen yet" (the runtime connects before the wizard's project step).
 */
const projectIdSchema = z
  .string()
  .trim()
  .regex(
    /^(0|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i,
    'Not an Azure DevOps project id',
  )
  .transform((id) => id.toLowerCase());

/** An area path as work item fields spell it: `Project\Area\Sub` (slashes accepted). */
const areaPathSchema = z
  .string()
  .trim()
  .min(1)
  .transform((path) => path.replace(/\//g, '\\').replace(/\\+$/, ''))
  .refine((path) => !path.startsWith('\\') && !path.includes('\\\\'), 'Not an area path');

export const azureDevOpsConfigSchema = z.object({
  accountUrl: organizationUrlSchema,
  /** The BFF stores a personal access token as its `apiKey`; both mean a PAT here. */
  authKind: z.enum(['pat', 'api_key', 'oauth2']).default('pat'),
  workspaceId: projectIdSchema,
  projectId: areaPathSchema,
  /** Only the chosen area, not its sub-areas, is integrated (service hooks, polling). */
  excludeChildUpdates: z.boolean().default(false),
});

export type AzureDevOpsConfig = z.output<typeof azureDevOpsConfigSchema>;
export type AzureDevOpsConfigInput = z.input<typeof azureDevOpsConfigSchema>;
