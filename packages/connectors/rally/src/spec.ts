/**
 * The integration config the wizard collects for Rally, validated at the BFF boundary.
 * Account URLs are normalised to the origin (plus any reverse-proxy prefix) so that every
 * WSAPI, OAuth and webhook URL can be derived from it.
 */
import { z } from 'zod';

const loopbackHost = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Paths users paste from the browser or the API docs; everything from them on is dropped. */
const rallyAppPath = /\/(slm|login|apps|analytics|#)(\/.*)?$/i;

/** `https://rally1.rallydev.com/slm/webservice/v2.0/` → `https://rally1.rallydev.com`. */
export function normalizeAccountUrl(input: string): string {
  const trimmed = input.trim();
  const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error('The account URL must start with https://');
  }
  if (url.protocol === 'http:' && !loopbackHost.test(url.hostname)) {
    throw new Error('The account URL must use https:// (plain http is only allowed for localhost)');
  }
  if (url.username || url.password) throw new Error('The account URL must not contain a login');
  let path = url.pathname.replace(/\/+$/, '');
  path = path.replace(rallyAppPath, '').replace(/\/+$/, '');
  return `${url.protocol}//${url.host.toLowerCase()}${path}`;
}

export const accountUrlSchema = z.string().transform((value, ctx) => {
  try {
    return normalizeAccountUrl(value);
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: error instanceof Error ? error.message : 'Not a valid account URL',
    });
    return z.NEVER;
  }
});

/** A Rally ObjectID given as `123`, `/workspace/123` or a full `_ref` URL. */
export const objectIdSchema = (type: string) =>
  z.union([z.string(), z.number().int()]).transform((value, ctx) => {
    const text = String(value).trim();
    const match = new RegExp(`^(?:.*/${type}/)?(\\d+)(?:\\.js)?$`, 'i').exec(text);
    if (!match?.[1]) {
      ctx.addIssue({ code: 'custom', message: `Not a ${type} reference: ${text}` });
      return z.NEVER;
    }
    return match[1];
  });

export const rallyConfigSchema = z.object({
  accountUrl: accountUrlSchema,
  authKind: z.enum(['oauth2', 'api_key']).default('oauth2'),
  /** OAuth client registered in this Rally subscription (Tandem's own when absent). */
  oauthClientId: z.string().min(1).optional(),
  oauthClientSecret: z.string().min(1).optional(),
  workspaceId: objectIdSchema('workspace'),
  projectId: objectIdSchema('project'),
  /** Only the chosen project, not its children, is integrated (webhooks, lookups). */
  excludeChildUpdates: z.boolean().default(false),
  /**
   * Where the idempotency token of a create is kept: `Notes` (default, every Rally record type
   * has it) or a custom string field such as `c_TandemToken`.
   */
  idempotencyField: z
    .string()
    .regex(/^(Notes|c_\w+)$/)
    .default('Notes'),
  /** The workspace's time zone (IANA), for date-only roadmap dates. */
  timeZone: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'Unknown time zone')
    .default('UTC'),
});

export type RallyConfig = z.output<typeof rallyConfigSchema>;
export type RallyConfigInput = z.input<typeof rallyConfigSchema>;
