import { resolve } from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  WEB_DIST: z
    .string()
    .min(1)
    .default(resolve(import.meta.dirname, '../../web/dist')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TANDEM_DEMO: flag,
  COOKIE_SECURE: flag,
  /** Lets integrations reach private and loopback hosts (the demo's simulators). */
  ALLOW_PRIVATE_NETWORK: flag,
  /**
   * 32 bytes, base64: encrypts stored credentials (more keys after commas: previous ones, still
   * opened). When unset: TANDEM_SECRET_KEY_FILE, else `DATA_DIR/secret.key` (the demo's).
   */
  TANDEM_SECRET_KEY: z.string().optional(),
  /** A file outside DATA_DIR holding the key (one base64 key a line, current first); 0600. */
  TANDEM_SECRET_KEY_FILE: z.string().min(1).optional(),
  /** The address browsers and remotes use to reach this server (OAuth redirects, webhooks). */
  PUBLIC_URL: z.url().optional(),
  /** A PEM file of CAs to trust for remotes with private certificates (self-hosted servers). */
  REMOTE_CA_FILE: z.string().min(1).optional(),
  /** Tandem's OAuth client in Rally; the defaults are the Rally simulator's demo client. */
  RALLY_OAUTH_CLIENT_ID: z.string().min(1).default('tandem-local-client'),
  RALLY_OAUTH_CLIENT_SECRET: z.string().min(1).default('tandem-local-secret'),
  /** The Rally account that client is registered with: the client secret goes to its token
   *  endpoint only, never to an integration's own account URL (decision 021). */
  RALLY_OAUTH_ACCOUNT_URL: z
    .url()
    .default('http://127.0.0.1:4010')
    .transform((url) => new URL(url).origin),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(24 * 14),
  /** Sessions unused for this long are refused (besides SESSION_TTL_HOURS from sign-in). */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60 * 30)
    .default(8 * 60),
  /** Failed sign-ins to one account per window, from any address. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(10),
  /** Failed sign-ins from one address per window, to any account (password spraying). */
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(50),
  LOGIN_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60),
  /** Send requests (one feature, a bulk send or a release) per user per minute. */
  SENDS_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Attachment uploads per user per minute. */
  UPLOADS_PER_MINUTE: z.coerce.number().int().positive().default(30),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** How often a remote without webhooks is asked what changed. */
  POLL_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
  /** How often a remote with webhooks is asked anyway, for deliveries that never arrived. */
  POLL_SAFETY_NET_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(24 * 3600)
    .default(15 * 60),
});

export type Env = z.infer<typeof envSchema>;

/** Where browsers and remotes reach this server: `PUBLIC_URL`, else `http://HOST:PORT`. */
export function publicUrl(env: Pick<Env, 'PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  return (env.PUBLIC_URL ?? `http://${host}:${env.PORT}`).replace(/\/+$/, '');
}

/** Served over https: the session cookie is `__Host-` prefixed and `Secure`, and HSTS is sent. */
export function servedOverHttps(env: Pick<Env, 'PUBLIC_URL'>): boolean {
  return env.PUBLIC_URL?.startsWith('https:') ?? false;
}

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parses the environment once; a bad value is reported as one line per variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
