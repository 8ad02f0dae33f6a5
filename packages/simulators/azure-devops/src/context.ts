/** What every route sees: the simulator's parts and the caller. */
import type { HttpBindings } from '@hono/node-server';
import type { Tokens } from './auth/tokens.ts';
import type { ConcurrencyTracker, Faults } from './control/faults.ts';
import type { RateLimiter } from './control/rate-limit.ts';
import type { ServiceHooks } from './hooks/delivery.ts';
import type { Identity } from './state/model.ts';
import type { Store } from './state/store.ts';

export interface Principal {
  user: Identity;
  scope: 'full' | 'read';
}

export interface Sim {
  organization: string;
  store: Store;
  tokens: Tokens;
  hooks: ServiceHooks;
  faults: Faults;
  concurrency: ConcurrencyTracker;
  rateLimit: RateLimiter;
  /** Public base URL (set by the server once it listens; else taken from the first request). */
  base: { url: string | null };
  orgUrl: () => string;
  now: () => Date;
  /** Called after each committed write (persistence). */
  changed: () => void;
  reset: () => void;
}

export type AppEnv = {
  Bindings: HttpBindings;
  Variables: {
    principal: Principal;
    /** `http://host:port/{org}` as this request addressed it. */
    orgUrl: string;
    apiVersion: string | null;
  };
};
