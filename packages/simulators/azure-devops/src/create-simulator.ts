/**
 * `createAzureDevOpsSimulator(options)` → `{ app, state, control }`: the Hono app serving one
 * organisation's REST API (discovery, core, work item tracking, service hooks), the work item
 * pages and `/__sim/`. Used in-process by tests and by `startAzureDevOpsSimulator` for real HTTP.
 */
import { Hono } from 'hono';
import type { z } from 'zod';
import { authenticate } from './auth/middleware.ts';
import { Tokens } from './auth/tokens.ts';
import type { AppEnv, Sim } from './context.ts';
import { Control } from './control/control.ts';
import {
  ConcurrencyInput,
  ConcurrencyTracker,
  DeliveryFaultsInput,
  type FaultRuleInput,
  Faults,
  LatencyInput,
} from './control/faults.ts';
import { faultRules, usageLimits } from './control/middleware.ts';
import { RateLimiter, RateLimitInput } from './control/rate-limit.ts';
import { AdoError } from './errors.ts';
import { type DeliveryPolicy, ServiceHooks } from './hooks/delivery.ts';
import { apiVersion } from './middleware/api-version.ts';
import { notFound, onError } from './middleware/errors.ts';
import { canonicalPath } from './path.ts';
import { attachmentRoutes } from './routes/attachments.ts';
import { classificationRoutes } from './routes/classification.ts';
import { controlRoutes } from './routes/control.ts';
import { coreRoutes } from './routes/core.ts';
import { discoveryRoutes } from './routes/discovery.ts';
import { hookRoutes } from './routes/hooks.ts';
import { pageRoutes } from './routes/pages.ts';
import { recycleBinRoutes } from './routes/recycle-bin.ts';
import { wiqlRoutes } from './routes/wiql.ts';
import { workItemTypeRoutes } from './routes/work-item-types.ts';
import { workItemRoutes } from './routes/work-items.ts';
import { DEFAULT_FULL_PAT } from './state/identities.ts';
import { DebouncedSaver, loadStateFile, type PersistedState } from './state/persist.ts';
import { DEFAULT_ORGANIZATION, SEED_IDS, type SeedOptions, seedStandard } from './state/seed.ts';
import { Store } from './state/store.ts';

export interface AzureDevOpsSimulatorOptions {
  /** Seed options (the organisation is always seeded). */
  seed?: SeedOptions;
  /** Token of the seeded full-scope user (default `DEFAULT_FULL_PAT`; `SIM_ADO_PAT`). */
  fullPat?: string;
  /** Clock for timestamps, token expiry and the rate limit (default: the system clock). */
  clock?: () => Date;
  /** Random source for jitter and fault rates (default `Math.random`). */
  random?: () => number;
  /** Injected latency on every API request (not on `/__sim/` or pages). */
  latency?: { fixedMs?: number; jitterMs?: number };
  faults?: FaultRuleInput[];
  webhookFaults?: { duplicateRate?: number; reorderRate?: number };
  /** Optional cap on simultaneous requests per identity (none by default; peaks are counted). */
  concurrency?: { limit?: number | null };
  /** Throughput limit (TSTUs over a sliding window); `{ enabled: false }` turns it off. */
  rateLimit?: Partial<z.input<typeof RateLimitInput>>;
  /** Service-hook deliveries: waits scaled by `timeScale` (default 1/60), per-attempt timeout. */
  webhookDelivery?: Partial<DeliveryPolicy> & { enabled?: boolean };
  /** Persist the state to this JSON file (loaded at start when it exists). */
  stateFile?: string;
  /** Base URL used in payloads before any request arrived (the server sets it once listening). */
  publicUrl?: string;
}

export interface AzureDevOpsSimulator {
  app: Hono<AppEnv>;
  state: Pick<Sim, 'store' | 'tokens' | 'hooks' | 'faults' | 'concurrency' | 'rateLimit'>;
  control: Control;
  organization: string;
  fullPat: string;
  setPublicUrl(url: string): void;
  /** Stop delivery timers and write the state file. */
  close(): void;
}

export function createAzureDevOpsSimulator(
  options: AzureDevOpsSimulatorOptions = {},
): AzureDevOpsSimulator {
  const now = options.clock ?? (() => new Date());
  const fullPat = options.fullPat ?? DEFAULT_FULL_PAT;
  const organization = DEFAULT_ORGANIZATION;
  const base = { url: options.publicUrl ?? null };
  const orgUrl = () => `${base.url ?? 'http://127.0.0.1:4020'}/${organization}`;
  const store = new Store(now);
  const tokens = new Tokens();
  const faults = new Faults({
    caseInsensitivePaths: true,
    ...(options.random ? { random: options.random } : {}),
  });
  const concurrency = new ConcurrencyTracker();
  const rateLimit = new RateLimiter();
  const hooks = new ServiceHooks({
    store,
    faults,
    orgUrl,
    collectionId: SEED_IDS.collectionId,
    policy: {
      timeScale: options.webhookDelivery?.timeScale ?? 1 / 60,
      timeoutMs: options.webhookDelivery?.timeoutMs ?? 10_000,
    },
  });
  hooks.enabled = options.webhookDelivery?.enabled ?? true;

  const applyConfig = () => {
    faults.clear();
    faults.latency = LatencyInput.parse(options.latency ?? {});
    faults.deliveries = DeliveryFaultsInput.parse(options.webhookFaults ?? {});
    for (const f of options.faults ?? []) faults.add(f);
    concurrency.config = ConcurrencyInput.parse(options.concurrency ?? {});
    concurrency.resetPeaks();
    rateLimit.config = RateLimitInput.parse(options.rateLimit ?? {});
    rateLimit.reset();
  };
  const seedAll = () => {
    hooks.stop();
    hooks.subscriptions.clear();
    hooks.log = [];
    seedStandard(store, options.seed ?? {});
    tokens.seed(fullPat, now());
  };

  const snapshot = (): PersistedState => ({
    version: 1,
    store: store.snapshot(),
    tokens: tokens.snapshot(),
    subscriptions: [...hooks.subscriptions.values()],
  });
  const saver = options.stateFile
    ? new DebouncedSaver(options.stateFile, snapshot, { name: 'sim-ado' })
    : null;
  const loaded = options.stateFile ? loadStateFile<PersistedState>(options.stateFile) : null;
  if (loaded) {
    seedAll();
    store.load(loaded.store);
    tokens.load(loaded.tokens);
    // The full-scope token follows the current setting even for a saved state.
    tokens.seedFullToken(fullPat, now());
    for (const s of loaded.subscriptions) hooks.subscriptions.set(s.id, s);
  } else {
    seedAll();
  }
  applyConfig();

  const sim: Sim = {
    organization,
    store,
    tokens,
    hooks,
    faults,
    concurrency,
    rateLimit,
    base,
    orgUrl,
    now,
    changed: () => saver?.schedule(),
    reset: () => {
      seedAll();
      applyConfig();
    },
  };
  const control = new Control(sim);

  const app = new Hono<AppEnv>({ getPath: canonicalPath });
  app.onError(onError);
  app.notFound(notFound);
  app.route('/__sim', controlRoutes(sim, control, { fullPat }));
  app.route('/', pageRoutes(sim));
  app.use('/:org/*', async (c, next) => {
    const url = c.req.url;
    const origin = url.slice(0, url.indexOf('/', url.indexOf('://') + 3));
    base.url ??= origin;
    if (c.req.param('org').toLowerCase() !== organization) {
      throw new AdoError(`VS800075: The organization '${c.req.param('org')}' does not exist.`, {
        status: 404,
        typeKey: 'HostNotFoundException',
        namespace: 'Microsoft.VisualStudio.Services.Common',
      });
    }
    c.set('orgUrl', `${origin}/${organization}`);
    await next();
  });
  app.use('/:org/*', faultRules(sim));
  app.use('/:org/*', authenticate(sim));
  app.use('/:org/*', usageLimits(sim));
  app.use('/:org/*', apiVersion());
  for (const routes of [
    discoveryRoutes,
    coreRoutes,
    classificationRoutes,
    workItemTypeRoutes,
    workItemRoutes,
    recycleBinRoutes,
    wiqlRoutes,
    attachmentRoutes,
    hookRoutes,
  ]) {
    app.route('/', routes(sim));
  }

  return {
    app,
    state: { store, tokens, hooks, faults, concurrency, rateLimit },
    control,
    organization,
    fullPat,
    setPublicUrl(url: string) {
      base.url = url;
    },
    close() {
      hooks.stop();
      saver?.flush();
    },
  };
}
