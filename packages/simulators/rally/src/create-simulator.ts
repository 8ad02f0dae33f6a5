/**
 * `createRallySimulator(options)` → `{ app, state, control }`: the Hono app serving WSAPI v2.0,
 * OAuth 2.0, the webhook API, the artifact pages and `/__sim/`. Used in-process by tests and by
 * `startRallySimulator` for real HTTP.
 */
import { Hono } from 'hono';
import { AuthState, DEFAULT_OAUTH_CLIENT, DEFAULT_REDIRECT_URIS } from './auth/state.ts';
import type { AppEnv, Sim } from './context.ts';
import { Control } from './control/control.ts';
import {
  ConcurrencyInput,
  ConcurrencyLimiter,
  DeliveryFaultsInput,
  type FaultRuleInput,
  Faults,
  LatencyInput,
} from './control/faults.ts';
import { concurrencyLimit, latencyAndFaults, mtlsGuard } from './control/middleware.ts';
import { onError } from './middleware/error.ts';
import { controlRoutes } from './routes/control.ts';
import { oauthRoutes } from './routes/oauth.ts';
import { pageRoutes } from './routes/pages.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { wsapiRoutes } from './routes/wsapi.ts';
import { DebouncedSaver, loadStateFile, type PersistedState } from './state/persist.ts';
import { DEFAULT_ADMIN_API_KEY, type SeedOptions, seedStandard } from './state/seed.ts';
import { Store } from './state/store.ts';
import { type RetryPolicy, Webhooks } from './webhooks/registry.ts';

export interface TlsMaterial {
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
}

export interface RallySimulatorOptions {
  /** Seed options, or `false` to start with an empty store (no subscription, no users). */
  seed?: SeedOptions | false;
  /** Clock for timestamps and token expiry (default: the system clock). */
  clock?: () => Date;
  /** Random source for jitter and fault rates (default `Math.random`). */
  random?: () => number;
  /** Injected latency on every Rally endpoint (not on `/__sim/`). */
  latency?: { fixedMs?: number; jitterMs?: number };
  /** Fault rules active from the start. */
  faults?: FaultRuleInput[];
  webhookFaults?: { duplicateRate?: number; reorderRate?: number };
  /** Per-user concurrent request limit (Rally: 12, queued). */
  concurrency?: { limit?: number; mode?: 'queue' | 'reject' };
  /** OAuth token lifetimes (defaults: access 86400 s as in Rally's sample, refresh 30 days). */
  tokenLifetimes?: { accessTokenSeconds?: number; refreshTokenSeconds?: number };
  /** Issue a new refresh token on every refresh and invalidate the old one (default true). */
  rotateRefreshTokens?: boolean;
  /** Webhook delivery: retries with exponential back-off, per-attempt timeout. */
  webhookDelivery?: Partial<RetryPolicy> & { enabled?: boolean };
  /** API key of the seeded admin (default `DEFAULT_ADMIN_API_KEY`). */
  adminApiKey?: string;
  /** Allowed OAuth redirect URIs; `*` as port matches any port. */
  oauthRedirectUris?: string[];
  /** Persist the state to this JSON file (loaded at start when it exists). */
  stateFile?: string;
  /** Base URL used in refs and webhook payloads before any request arrived. */
  publicUrl?: string;
  /** TLS material when served over HTTPS (enables the mTLS switch). */
  tls?: TlsMaterial;
}

export interface RallySimulator {
  app: Hono<AppEnv>;
  state: Pick<Sim, 'store' | 'auth' | 'webhooks' | 'faults' | 'limiter' | 'mtls'>;
  control: Control;
  /** Set the public base URL (the server does this once it listens). */
  setPublicUrl(url: string): void;
  /** Stop timers and write the state file. */
  close(): void;
}

export function createRallySimulator(options: RallySimulatorOptions = {}): RallySimulator {
  const now = options.clock ?? (() => new Date());
  const adminApiKey = options.adminApiKey ?? DEFAULT_ADMIN_API_KEY;
  const redirectUris = options.oauthRedirectUris ?? DEFAULT_REDIRECT_URIS;
  const store = new Store(now);
  const faults = new Faults(options.random ? { random: options.random } : {});
  const limiter = new ConcurrencyLimiter();
  const auth = new AuthState({
    now: () => now().getTime(),
    lifetimes: {
      accessTokenSeconds: options.tokenLifetimes?.accessTokenSeconds ?? 86400,
      refreshTokenSeconds: options.tokenLifetimes?.refreshTokenSeconds ?? 30 * 86400,
    },
    rotateRefreshTokens: options.rotateRefreshTokens ?? true,
  });
  const base = { url: options.publicUrl ?? null };
  const webhooks = new Webhooks({
    store,
    faults,
    base: () => base.url ?? 'http://127.0.0.1:4010',
    now,
    retry: {
      attempts: options.webhookDelivery?.attempts ?? 5,
      baseDelayMs: options.webhookDelivery?.baseDelayMs ?? 1000,
      timeoutMs: options.webhookDelivery?.timeoutMs ?? 10_000,
    },
  });
  webhooks.enabled = options.webhookDelivery?.enabled ?? true;

  const applyConfig = () => {
    faults.clear();
    faults.latency = LatencyInput.parse(options.latency ?? {});
    faults.deliveries = DeliveryFaultsInput.parse(options.webhookFaults ?? {});
    for (const f of options.faults ?? []) faults.add(f);
    limiter.config = ConcurrencyInput.parse(options.concurrency ?? {});
  };

  const seedAll = () => {
    store.load({ nextOid: 10_000_000_001, counters: {}, objects: [] });
    if (options.seed !== false) seedStandard(store, options.seed ?? {});
    auth.load({
      passwords: {},
      apiKeys: [],
      clients: [],
      accessTokens: [],
      refreshTokens: [],
      consents: [],
    });
    auth.basicSessions.clear();
    auth.browserSessions.clear();
    auth.codes.clear();
    if (options.seed !== false) auth.seed(adminApiKey, redirectUris);
    webhooks.stop();
    webhooks.hooks.clear();
    webhooks.log = [];
  };

  const snapshot = (): PersistedState => ({
    version: 1,
    store: store.snapshot(),
    auth: auth.snapshot(),
    webhooks: [...webhooks.hooks.values()],
  });
  const saver = options.stateFile
    ? new DebouncedSaver(options.stateFile, snapshot, { name: 'sim-rally' })
    : null;

  const loaded = options.stateFile ? loadStateFile<PersistedState>(options.stateFile) : null;
  if (loaded) {
    store.load(loaded.store);
    auth.load(loaded.auth);
    for (const h of loaded.webhooks) webhooks.hooks.set(h.ObjectUUID, h);
    // The admin key follows the current setting even for a saved state.
    const admin = [...auth.apiKeys.values()].find((k) => k.userOid === 4000000001 && !k.readOnly);
    if (admin && admin.key !== adminApiKey) {
      auth.apiKeys.delete(admin.key);
      auth.apiKeys.set(adminApiKey, { ...admin, key: adminApiKey });
    }
  } else {
    seedAll();
  }
  applyConfig();

  const sim: Sim = {
    store,
    auth,
    webhooks,
    faults,
    limiter,
    mtls: { available: Boolean(options.tls), required: false },
    base,
    now,
    changed: () => saver?.schedule(),
    reset: () => {
      seedAll();
      applyConfig();
    },
  };
  const control = new Control(sim);

  const app = new Hono<AppEnv>({ strict: false });
  app.onError(onError);
  app.use('*', async (c, next) => {
    const origin = new URL(c.req.url).origin;
    c.set('base', origin);
    base.url ??= origin;
    await next();
  });
  app.route(
    '/__sim',
    controlRoutes(sim, control, {
      adminApiKey,
      clientId: DEFAULT_OAUTH_CLIENT.clientId,
      clientSecret: DEFAULT_OAUTH_CLIENT.clientSecret,
      tlsMaterial: options.tls
        ? {
            ca: options.tls.ca,
            clientCert: options.tls.clientCert,
            clientKey: options.tls.clientKey,
          }
        : null,
    }),
  );
  app.use('*', mtlsGuard(sim));
  app.use('/slm/webservice/*', latencyAndFaults(sim, { latency: false }));
  app.use('/login/*', latencyAndFaults(sim, { latency: true }));
  app.use('/apps/pigeon/*', latencyAndFaults(sim, { latency: true }));
  const wsapi = wsapiRoutes(sim, concurrencyLimit(sim));
  app.route('/slm/webservice/v2.0', wsapi);
  app.route('/login', oauthRoutes(sim));
  app.route('/apps/pigeon/api/v2', webhookRoutes(sim));
  app.route('/slm', pageRoutes(sim));

  return {
    app,
    state: { store, auth, webhooks, faults, limiter, mtls: sim.mtls },
    control,
    setPublicUrl(url: string) {
      base.url = url;
    },
    close() {
      webhooks.stop();
      saver?.flush();
    },
  };
}
